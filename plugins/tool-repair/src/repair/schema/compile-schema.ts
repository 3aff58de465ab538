import type { JsonSchema } from "../types.js";
import { InvalidToolSchemaError } from "./invalid-tool-schema-error.js";
import { SchemaNode, isPlainObject, type JsonType } from "./schema-node.js";

const JSON_TYPES: ReadonlySet<string> = new Set(["string", "number", "integer", "boolean", "object", "array", "null"]);

/** Compiled roots by schema object: a tool's parameters are compiled once per process. */
const compiledRoots = new WeakMap<object, SchemaNode>();
const TRUE_NODE = new SchemaNode();
const FALSE_NODE = Object.assign(new SchemaNode(), { rejectsAll: true });

/**
 * Compiles a JSON Schema (the subset tool schemas use: type incl. type arrays and `nullable`,
 * properties, required, additionalProperties, patternProperties, items/prefixItems, enum, const,
 * anyOf/oneOf/allOf/not, local `$ref`, numeric and length bounds, pattern; `format` and unknown
 * keywords are ignored) into a `SchemaNode`. Results are cached per schema object.
 *
 * @throws InvalidToolSchemaError when a keyword has a value no schema may have.
 */
export function compileSchema(schema: JsonSchema): SchemaNode {
  if (schema === true) return TRUE_NODE;
  if (schema === false) return FALSE_NODE;
  if (!isPlainObject(schema)) throw new InvalidToolSchemaError("#", `expected an object or boolean, got ${schema === null ? "null" : typeof schema}`);
  const cached = compiledRoots.get(schema);
  if (cached !== undefined) return cached;
  const compiler = new SchemaCompiler(schema);
  const node = compiler.compile(schema, "#");
  compiledRoots.set(schema, node);
  return node;
}

class SchemaCompiler {
  private readonly byPointer = new Map<string, SchemaNode>();

  constructor(private readonly root: Record<string, unknown>) {}

  compile(schema: unknown, pointer: string): SchemaNode {
    if (schema === true) return TRUE_NODE;
    if (schema === false) return FALSE_NODE;
    if (!isPlainObject(schema)) throw new InvalidToolSchemaError(pointer, `expected a schema object or boolean, got ${describeKind(schema)}`);
    const existing = this.byPointer.get(pointer);
    if (existing !== undefined) return existing;
    const node = new SchemaNode();
    // Registered before its children so recursive `$ref`s find it.
    this.byPointer.set(pointer, node);
    this.fill(node, schema, pointer);
    return node;
  }

  private fill(node: SchemaNode, schema: Record<string, unknown>, pointer: string): void {
    const at = (keyword: string): string => `${pointer}/${keyword}`;

    if (schema.$ref !== undefined) {
      if (typeof schema.$ref !== "string") throw new InvalidToolSchemaError(at("$ref"), "expected a string");
      node.ref = this.resolveRef(schema.$ref, at("$ref"));
    }

    if (schema.type !== undefined) {
      const names = Array.isArray(schema.type) ? schema.type : [schema.type];
      const types = new Set<JsonType>();
      for (const name of names) {
        if (typeof name !== "string" || !JSON_TYPES.has(name)) {
          throw new InvalidToolSchemaError(at("type"), `unknown type ${JSON.stringify(name)} (expected one of ${[...JSON_TYPES].join(", ")})`);
        }
        types.add(name as JsonType);
      }
      if (schema.nullable === true) types.add("null");
      node.types = types;
    }

    if (schema.enum !== undefined) {
      if (!Array.isArray(schema.enum)) throw new InvalidToolSchemaError(at("enum"), "expected an array");
      const values = [...schema.enum];
      if (schema.nullable === true && !values.includes(null)) values.push(null);
      node.enumValues = values;
    }
    if (Object.hasOwn(schema, "const")) {
      node.hasConst = true;
      node.constValue = schema.const;
    }

    if (schema.properties !== undefined) {
      if (!isPlainObject(schema.properties)) throw new InvalidToolSchemaError(at("properties"), "expected an object of schemas");
      const properties = new Map<string, SchemaNode>();
      for (const [key, value] of Object.entries(schema.properties)) {
        properties.set(key, this.compile(value, `${at("properties")}/${escapePointer(key)}`));
      }
      node.properties = properties;
    }
    if (schema.required !== undefined) {
      if (!Array.isArray(schema.required) || !schema.required.every((key) => typeof key === "string")) {
        throw new InvalidToolSchemaError(at("required"), "expected an array of property names");
      }
      node.required = [...new Set(schema.required as string[])];
    }
    if (schema.additionalProperties !== undefined) {
      node.additionalPropertiesDeclared = true;
      const additional = schema.additionalProperties;
      node.additionalProperties = typeof additional === "boolean" ? additional : this.compile(additional, at("additionalProperties"));
    }
    if (schema.patternProperties !== undefined) {
      if (!isPlainObject(schema.patternProperties)) throw new InvalidToolSchemaError(at("patternProperties"), "expected an object of schemas");
      node.patternProperties = [];
      for (const [source, value] of Object.entries(schema.patternProperties)) {
        const pattern = compilePattern(source);
        if (pattern === null) continue;
        node.patternProperties.push([pattern, this.compile(value, `${at("patternProperties")}/${escapePointer(source)}`)] as const);
      }
    }

    if (Array.isArray(schema.items)) {
      // Draft-07 tuple form: `items` as an array, `additionalItems` for the rest.
      node.prefixItems = schema.items.map((item, index) => this.compile(item, `${at("items")}/${index}`));
      if (schema.additionalItems !== undefined) node.items = this.compile(schema.additionalItems, at("additionalItems"));
    } else if (schema.items !== undefined) {
      node.items = this.compile(schema.items, at("items"));
    }
    if (schema.prefixItems !== undefined) {
      if (!Array.isArray(schema.prefixItems)) throw new InvalidToolSchemaError(at("prefixItems"), "expected an array of schemas");
      node.prefixItems = schema.prefixItems.map((item, index) => this.compile(item, `${at("prefixItems")}/${index}`));
    }

    node.anyOf = this.compileList(schema.anyOf, at("anyOf"));
    node.oneOf = this.compileList(schema.oneOf, at("oneOf"));
    node.allOf = this.compileList(schema.allOf, at("allOf"));
    if (schema.not !== undefined) node.not = this.compile(schema.not, at("not"));

    node.minimum = readNumber(schema, "minimum", pointer);
    node.maximum = readNumber(schema, "maximum", pointer);
    // Draft-04 wrote exclusive bounds as booleans beside minimum/maximum.
    if (schema.exclusiveMinimum === true) {
      node.exclusiveMinimum = node.minimum;
      node.minimum = null;
    } else if (schema.exclusiveMinimum !== false) {
      node.exclusiveMinimum = readNumber(schema, "exclusiveMinimum", pointer);
    }
    if (schema.exclusiveMaximum === true) {
      node.exclusiveMaximum = node.maximum;
      node.maximum = null;
    } else if (schema.exclusiveMaximum !== false) {
      node.exclusiveMaximum = readNumber(schema, "exclusiveMaximum", pointer);
    }
    node.multipleOf = readNumber(schema, "multipleOf", pointer);
    if (node.multipleOf !== null && node.multipleOf <= 0) throw new InvalidToolSchemaError(at("multipleOf"), "expected a number > 0");
    node.minLength = readCount(schema, "minLength", pointer);
    node.maxLength = readCount(schema, "maxLength", pointer);
    node.minItems = readCount(schema, "minItems", pointer);
    node.maxItems = readCount(schema, "maxItems", pointer);
    node.minProperties = readCount(schema, "minProperties", pointer);
    node.maxProperties = readCount(schema, "maxProperties", pointer);
    node.uniqueItems = schema.uniqueItems === true;
    if (schema.pattern !== undefined) {
      if (typeof schema.pattern !== "string") throw new InvalidToolSchemaError(at("pattern"), "expected a string");
      node.pattern = compilePattern(schema.pattern);
    }
  }

  private compileList(value: unknown, pointer: string): SchemaNode[] | null {
    if (value === undefined) return null;
    if (!Array.isArray(value) || value.length === 0) throw new InvalidToolSchemaError(pointer, "expected a non-empty array of schemas");
    return value.map((item, index) => this.compile(item, `${pointer}/${index}`));
  }

  private resolveRef(reference: string, pointer: string): SchemaNode {
    // Only local references: tool schemas arrive self-contained (MCP forwards `$defs`).
    if (reference !== "#" && !reference.startsWith("#/")) return TRUE_NODE;
    const target = reference === "#" ? "#" : reference;
    const existing = this.byPointer.get(target);
    if (existing !== undefined) return existing;
    let current: unknown = this.root;
    for (const part of target === "#" ? [] : target.slice(2).split("/")) {
      const key = decodeURIComponent(part).replace(/~1/g, "/").replace(/~0/g, "~");
      if (!isPlainObject(current) && !Array.isArray(current)) throw new InvalidToolSchemaError(pointer, `reference ${reference} does not resolve`);
      current = (current as Record<string, unknown>)[key];
      if (current === undefined) throw new InvalidToolSchemaError(pointer, `reference ${reference} does not resolve`);
    }
    return this.compile(current, target);
  }
}

function escapePointer(key: string): string {
  return key.replace(/~/g, "~0").replace(/\//g, "~1");
}

function compilePattern(source: string): RegExp | null {
  try {
    return new RegExp(source, "u");
  } catch {
    try {
      return new RegExp(source);
    } catch {
      // A pattern JavaScript cannot compile is skipped rather than failing every call to the tool.
      return null;
    }
  }
}

function readNumber(schema: Record<string, unknown>, keyword: string, pointer: string): number | null {
  const value = schema[keyword];
  if (value === undefined) return null;
  if (typeof value !== "number" || !Number.isFinite(value)) throw new InvalidToolSchemaError(`${pointer}/${keyword}`, "expected a number");
  return value;
}

function readCount(schema: Record<string, unknown>, keyword: string, pointer: string): number | null {
  const value = readNumber(schema, keyword, pointer);
  if (value !== null && (value < 0 || !Number.isInteger(value))) throw new InvalidToolSchemaError(`${pointer}/${keyword}`, "expected a non-negative integer");
  return value;
}

function describeKind(value: unknown): string {
  if (value === null) return "null";
  if (Array.isArray(value)) return "an array";
  return typeof value;
}
