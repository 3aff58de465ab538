import { describeValue, type ValidationIssue } from "./validation-issue.js";

/** The JSON types a schema can name. */
export type JsonType = "string" | "number" | "integer" | "boolean" | "object" | "array" | "null";

/** A path under construction; a linked list so the no-issues fast path never allocates arrays. */
export interface PathLink {
  readonly parent: PathLink | null;
  readonly key: string | number;
}

function pathToArray(link: PathLink | null): Array<string | number> {
  const parts: Array<string | number> = [];
  for (let current = link; current !== null; current = current.parent) parts.push(current.key);
  return parts.reverse();
}

function child(link: PathLink | null, key: string | number, collecting: boolean): PathLink | null {
  return collecting ? { parent: link, key } : null;
}

/** The JSON type of a parsed value (`integer` is reported as `number`). */
export function jsonTypeOf(value: unknown): JsonType | "undefined" {
  if (value === null) return "null";
  if (Array.isArray(value)) return "array";
  const kind = typeof value;
  if (kind === "string" || kind === "number" || kind === "boolean" || kind === "object") return kind;
  return "undefined";
}

/** True for a plain JSON object (not an array, not null). */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function matchesType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "string":
      return typeof value === "string";
    case "number":
      return typeof value === "number" && Number.isFinite(value);
    case "integer":
      return typeof value === "number" && Number.isInteger(value);
    case "boolean":
      return typeof value === "boolean";
    case "null":
      return value === null;
    case "array":
      return Array.isArray(value);
    case "object":
      return isPlainObject(value);
  }
}

/** Structural equality for `enum`/`const`; key order of objects does not matter. */
export function jsonEqual(left: unknown, right: unknown): boolean {
  if (left === right) return true;
  if (typeof left !== "object" || typeof right !== "object" || left === null || right === null) return false;
  if (Array.isArray(left) !== Array.isArray(right)) return false;
  if (Array.isArray(left) && Array.isArray(right)) {
    return left.length === right.length && left.every((item, index) => jsonEqual(item, right[index]));
  }
  const leftRecord = left as Record<string, unknown>;
  const rightRecord = right as Record<string, unknown>;
  const leftKeys = Object.keys(leftRecord);
  if (leftKeys.length !== Object.keys(rightRecord).length) return false;
  return leftKeys.every((key) => Object.hasOwn(rightRecord, key) && jsonEqual(leftRecord[key], rightRecord[key]));
}

function countCodePoints(text: string): number {
  let count = 0;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (code >= 0xd800 && code <= 0xdbff && index + 1 < text.length) index++;
    count++;
  }
  return count;
}

function listValues(values: readonly unknown[]): string {
  const shown = values.slice(0, 8).map((value) => JSON.stringify(value));
  return shown.join(", ") + (values.length > 8 ? ", ..." : "");
}

/**
 * One compiled schema (or sub-schema). The fields are read by the repair rules, which need to know
 * what a place in the arguments wants; `validate` checks a value against it. Fields stay `null`
 * when the keyword is absent, so validation only pays for what a schema uses.
 */
export class SchemaNode {
  /** `false` schemas reject everything. */
  rejectsAll = false;
  /** Allowed types from `type` (and `nullable: true`); `null` when `type` is absent. */
  types: ReadonlySet<JsonType> | null = null;
  enumValues: readonly unknown[] | null = null;
  hasConst = false;
  constValue: unknown = undefined;
  /** Declared properties; `null` when the schema has no `properties` keyword. */
  properties: Map<string, SchemaNode> | null = null;
  required: readonly string[] = [];
  /** `additionalProperties`: `true` (the JSON Schema default), `false`, or a schema. */
  additionalProperties: boolean | SchemaNode = true;
  /** Whether `additionalProperties` was written in the schema (rather than defaulted). */
  additionalPropertiesDeclared = false;
  patternProperties: Array<readonly [RegExp, SchemaNode]> | null = null;
  items: SchemaNode | null = null;
  prefixItems: SchemaNode[] | null = null;
  anyOf: SchemaNode[] | null = null;
  oneOf: SchemaNode[] | null = null;
  allOf: SchemaNode[] | null = null;
  not: SchemaNode | null = null;
  /** Target of `$ref`, set once the referenced schema is compiled. */
  ref: SchemaNode | null = null;
  minimum: number | null = null;
  maximum: number | null = null;
  exclusiveMinimum: number | null = null;
  exclusiveMaximum: number | null = null;
  multipleOf: number | null = null;
  minLength: number | null = null;
  maxLength: number | null = null;
  pattern: RegExp | null = null;
  minItems: number | null = null;
  maxItems: number | null = null;
  uniqueItems = false;
  minProperties: number | null = null;
  maxProperties: number | null = null;

  /** Follows pure `$ref` nodes to the schema they stand for. */
  resolved(): SchemaNode {
    let node: SchemaNode = this;
    for (let hops = 0; node.ref !== null && node.isPureRef() && hops < 32; hops++) node = node.ref;
    return node;
  }

  private isPureRef(): boolean {
    return (
      this.types === null &&
      this.properties === null &&
      this.items === null &&
      this.anyOf === null &&
      this.oneOf === null &&
      this.allOf === null &&
      this.enumValues === null &&
      !this.hasConst
    );
  }

  /** The schema for property `key` of an object at this node, or `null` if undeclared. */
  propertySchema(key: string): SchemaNode | null {
    const declared = this.properties?.get(key);
    if (declared !== undefined) return declared;
    if (this.patternProperties !== null) {
      for (const [pattern, node] of this.patternProperties) if (pattern.test(key)) return node;
    }
    return null;
  }

  /**
   * The JSON types a value here may have, gathered from `type`, unions, `enum` and `const`;
   * `null` means any type.
   */
  allowedTypes(): ReadonlySet<JsonType> | null {
    const node = this.resolved();
    if (node.types !== null) return node.types;
    if (node.hasConst) return new Set([constType(node.constValue)]);
    if (node.enumValues !== null) return new Set(node.enumValues.map(constType));
    const branches = node.anyOf ?? node.oneOf;
    if (branches !== null) {
      const union = new Set<JsonType>();
      for (const branch of branches) {
        const types = branch.allowedTypes();
        if (types === null) return null;
        for (const type of types) union.add(type);
      }
      return union;
    }
    if (node.allOf !== null) {
      for (const part of node.allOf) {
        const types = part.allowedTypes();
        if (types !== null) return types;
      }
    }
    if (node.properties !== null || node.required.length > 0) return new Set(["object"]);
    if (node.items !== null || node.prefixItems !== null) return new Set(["array"]);
    return null;
  }

  /** True when a value of `type` may appear here (`integer` counts for `number` too). */
  accepts(type: JsonType): boolean {
    const types = this.allowedTypes();
    if (types === null) return true;
    if (types.has(type)) return true;
    return type === "integer" && types.has("number");
  }

  /** Validates without collecting issues: the allocation-free fast path. */
  check(value: unknown): boolean {
    return this.validate(value, null, null);
  }

  /** Validates and returns every issue found (empty when valid). */
  collectIssues(value: unknown): ValidationIssue[] {
    const issues: ValidationIssue[] = [];
    this.validate(value, null, issues);
    return issues;
  }

  /**
   * Core validation. With `issues === null` it stops at the first failure and builds no paths;
   * otherwise it records every failure it can reach.
   */
  validate(value: unknown, path: PathLink | null, issues: ValidationIssue[] | null): boolean {
    if (this.rejectsAll) return this.fail(issues, path, "false", "nothing (this value is not allowed)", value);
    const collecting = issues !== null;
    let valid = true;

    if (this.ref !== null && !this.ref.validate(value, path, issues)) {
      if (!collecting) return false;
      valid = false;
    }

    if (this.types !== null) {
      let typeOk = false;
      for (const type of this.types) {
        if (matchesType(value, type)) {
          typeOk = true;
          break;
        }
      }
      if (!typeOk) return this.fail(issues, path, "type", [...this.types].join(" or "), value);
    }

    if (this.hasConst && !jsonEqual(value, this.constValue)) {
      return this.fail(issues, path, "const", JSON.stringify(this.constValue), value);
    }
    if (this.enumValues !== null && !this.enumValues.some((option) => jsonEqual(value, option))) {
      return this.fail(issues, path, "enum", `one of ${listValues(this.enumValues)}`, value);
    }

    if (typeof value === "string") {
      if (!this.validateString(value, path, issues)) {
        if (!collecting) return false;
        valid = false;
      }
    } else if (typeof value === "number") {
      if (!this.validateNumber(value, path, issues)) {
        if (!collecting) return false;
        valid = false;
      }
    } else if (Array.isArray(value)) {
      if (!this.validateArray(value, path, issues)) {
        if (!collecting) return false;
        valid = false;
      }
    } else if (isPlainObject(value)) {
      if (!this.validateObject(value, path, issues)) {
        if (!collecting) return false;
        valid = false;
      }
    }

    if (this.allOf !== null) {
      for (const part of this.allOf) {
        if (!part.validate(value, path, issues)) {
          if (!collecting) return false;
          valid = false;
        }
      }
    }
    if (this.anyOf !== null && !this.anyOf.some((branch) => branch.check(value))) {
      this.failUnion(this.anyOf, value, path, issues, "anyOf");
      if (!collecting) return false;
      valid = false;
    }
    if (this.oneOf !== null) {
      let matches = 0;
      for (const branch of this.oneOf) if (branch.check(value)) matches++;
      if (matches !== 1) {
        if (matches === 0) this.failUnion(this.oneOf, value, path, issues, "oneOf");
        else this.failWithText(issues, path, "oneOf", "exactly one of the allowed shapes", `${describeValue(value)}, which matches ${matches}`);
        if (!collecting) return false;
        valid = false;
      }
    }
    if (this.not !== null && this.not.check(value)) {
      this.fail(issues, path, "not", "a value the schema does not exclude", value);
      if (!collecting) return false;
      valid = false;
    }
    return valid;
  }

  private validateString(value: string, path: PathLink | null, issues: ValidationIssue[] | null): boolean {
    let valid = true;
    if (this.minLength !== null && (value.length < this.minLength || countCodePoints(value) < this.minLength)) {
      valid = this.fail(issues, path, "minLength", `a string of at least ${this.minLength} characters`, value);
      if (issues === null) return false;
    }
    if (this.maxLength !== null && value.length > this.maxLength && countCodePoints(value) > this.maxLength) {
      valid = this.fail(issues, path, "maxLength", `a string of at most ${this.maxLength} characters`, value);
      if (issues === null) return false;
    }
    if (this.pattern !== null && !this.pattern.test(value)) {
      valid = this.fail(issues, path, "pattern", `a string matching /${this.pattern.source}/`, value);
    }
    return valid;
  }

  private validateNumber(value: number, path: PathLink | null, issues: ValidationIssue[] | null): boolean {
    let valid = true;
    const bound = (ok: boolean, keyword: string, expected: string): void => {
      if (!ok) valid = this.fail(issues, path, keyword, expected, value);
    };
    if (this.minimum !== null) bound(value >= this.minimum, "minimum", `a number >= ${this.minimum}`);
    if (this.maximum !== null) bound(value <= this.maximum, "maximum", `a number <= ${this.maximum}`);
    if (this.exclusiveMinimum !== null) bound(value > this.exclusiveMinimum, "exclusiveMinimum", `a number > ${this.exclusiveMinimum}`);
    if (this.exclusiveMaximum !== null) bound(value < this.exclusiveMaximum, "exclusiveMaximum", `a number < ${this.exclusiveMaximum}`);
    if (this.multipleOf !== null) {
      const quotient = value / this.multipleOf;
      bound(Math.abs(quotient - Math.round(quotient)) < 1e-9, "multipleOf", `a multiple of ${this.multipleOf}`);
    }
    return valid;
  }

  private validateArray(value: unknown[], path: PathLink | null, issues: ValidationIssue[] | null): boolean {
    const collecting = issues !== null;
    let valid = true;
    if (this.minItems !== null && value.length < this.minItems) {
      valid = this.fail(issues, path, "minItems", `an array of at least ${this.minItems} items`, value);
      if (!collecting) return false;
    }
    if (this.maxItems !== null && value.length > this.maxItems) {
      valid = this.fail(issues, path, "maxItems", `an array of at most ${this.maxItems} items`, value);
      if (!collecting) return false;
    }
    const prefix = this.prefixItems;
    for (let index = 0; index < value.length; index++) {
      const node = prefix !== null && index < prefix.length ? prefix[index] : this.items;
      if (node !== null && node !== undefined && !node.validate(value[index], child(path, index, collecting), issues)) {
        if (!collecting) return false;
        valid = false;
      }
    }
    if (this.uniqueItems) {
      for (let left = 0; left < value.length; left++) {
        for (let right = left + 1; right < value.length; right++) {
          if (jsonEqual(value[left], value[right])) {
            valid = this.failWithText(issues, path, "uniqueItems", "an array without duplicate items", `duplicate items at ${left} and ${right}`);
            return valid;
          }
        }
      }
    }
    return valid;
  }

  private validateObject(value: Record<string, unknown>, path: PathLink | null, issues: ValidationIssue[] | null): boolean {
    const collecting = issues !== null;
    let valid = true;
    for (const key of this.required) {
      if (!Object.hasOwn(value, key)) {
        valid = false;
        if (!collecting) return false;
        issues.push({ path: pathToArray(child(path, key, true)), keyword: "required", expected: "a value (required)", got: "missing" });
      }
    }
    let keyCount = 0;
    for (const key in value) {
      if (!Object.hasOwn(value, key)) continue;
      keyCount++;
      const declared = this.properties?.get(key);
      let node: SchemaNode | null = declared ?? null;
      if (node === null && this.patternProperties !== null) node = this.propertySchema(key);
      if (node === null) {
        if (this.additionalProperties === false) {
          valid = false;
          if (!collecting) return false;
          issues.push({ path: pathToArray(child(path, key, true)), keyword: "additionalProperties", expected: "no such property", got: "an unexpected property" });
          continue;
        }
        if (this.additionalProperties === true) continue;
        node = this.additionalProperties;
      }
      if (!node.validate(value[key], child(path, key, collecting), issues)) {
        if (!collecting) return false;
        valid = false;
      }
    }
    if (this.minProperties !== null && keyCount < this.minProperties) {
      valid = this.fail(issues, path, "minProperties", `an object with at least ${this.minProperties} properties`, value);
    }
    if (this.maxProperties !== null && keyCount > this.maxProperties) {
      valid = this.fail(issues, path, "maxProperties", `an object with at most ${this.maxProperties} properties`, value);
    }
    return valid;
  }

  /** For a failed union, reports the closest branch's issues when one has the right type. */
  private failUnion(branches: SchemaNode[], value: unknown, path: PathLink | null, issues: ValidationIssue[] | null, keyword: string): void {
    if (issues === null) return;
    const valueType = jsonTypeOf(value);
    const sameType = branches.filter((branch) => {
      const types = branch.allowedTypes();
      return types !== null && valueType !== "undefined" && (types.has(valueType) || (valueType === "number" && types.has("integer")));
    });
    if (sameType.length > 0) {
      let best: ValidationIssue[] | null = null;
      for (const branch of sameType) {
        const branchIssues: ValidationIssue[] = [];
        branch.validate(value, path, branchIssues);
        if (best === null || branchIssues.length < best.length) best = branchIssues;
      }
      if (best !== null && best.length > 0) {
        issues.push(...best);
        return;
      }
    }
    const names = new Set<string>();
    for (const branch of branches) {
      const types = branch.allowedTypes();
      if (types === null) names.add("any value");
      else for (const type of types) names.add(type);
    }
    this.fail(issues, path, keyword, [...names].join(" or "), value);
  }

  private fail(issues: ValidationIssue[] | null, path: PathLink | null, keyword: string, expected: string, value: unknown): false {
    if (issues !== null) issues.push({ path: pathToArray(path), keyword, expected, got: describeValue(value) });
    return false;
  }

  private failWithText(issues: ValidationIssue[] | null, path: PathLink | null, keyword: string, expected: string, got: string): false {
    if (issues !== null) issues.push({ path: pathToArray(path), keyword, expected, got });
    return false;
  }
}

function constType(value: unknown): JsonType {
  const type = jsonTypeOf(value);
  if (type === "undefined") return "null";
  if (type === "number" && Number.isInteger(value)) return "integer";
  return type;
}
