import { findGrammarMarker } from "./grammar-markers.js";
import { objectShapeOf } from "./object-shape.js";
import { RepairRecorder } from "./repair-recorder.js";
import { DROP_NULL_OPTIONAL, isNullForOptional } from "./rules/drop-null-optional.js";
import { DROP_UNKNOWN_KEY, dropsUnknownKeys } from "./rules/drop-unknown-key.js";
import { EMPTY_OBJECT_TO_ARRAY, emptyObjectToArray } from "./rules/empty-object-to-array.js";
import { OBJECT_TO_STRING, objectToString } from "./rules/object-to-string.js";
import { PARSE_JSON_STRING, parseJsonString } from "./rules/parse-json-string.js";
import { RECOVER_MERGED_PARAMETERS, splitMergedParameters } from "./rules/recover-merged-parameters.js";
import { RENAME_KEY_SYNONYM, findKeySynonym } from "./rules/rename-key-synonym.js";
import { RENAME_KEY_VARIANT, findKeyVariant } from "./rules/rename-key-variant.js";
import { SCALAR_TO_STRING, scalarToString } from "./rules/scalar-to-string.js";
import { STRING_TO_BOOLEAN, stringToBoolean } from "./rules/string-to-boolean.js";
import { STRING_TO_NULL, isNullString } from "./rules/string-to-null.js";
import { STRING_TO_NUMBER, stringToNumber } from "./rules/string-to-number.js";
import { STRIP_GRAMMAR_DEBRIS, stripKeyDebris, stripValueDebris } from "./rules/strip-grammar-debris.js";
import { UNWRAP_SINGLE_ITEM_ARRAY, unwrapSingleItemArray } from "./rules/unwrap-single-item-array.js";
import { WRAP_IN_ARRAY, wrapInArray } from "./rules/wrap-in-array.js";
import { isPlainObject, type SchemaNode } from "./schema/schema-node.js";

/**
 * `full` applies every value and key rule to a call that failed validation; `debris` only removes
 * grammar markup, for a call that validated but carries leaked markup.
 */
export type RepairMode = "full" | "debris";

type Candidate = readonly [rule: string, value: unknown];

/** The conversions worth trying for a value the schema rejects, most specific first. */
function conversionsFor(value: unknown, node: SchemaNode): Candidate[] {
  const candidates: Candidate[] = [];
  const add = (rule: string, converted: unknown): void => {
    if (converted !== undefined) candidates.push([rule, converted]);
  };
  if (typeof value === "string") {
    if (node.accepts("null") && isNullString(value)) add(STRING_TO_NULL, null);
    if (node.accepts("array")) add(PARSE_JSON_STRING, parseJsonString(value, "array"));
    if (node.accepts("object")) add(PARSE_JSON_STRING, parseJsonString(value, "object"));
    if (node.accepts("number")) add(STRING_TO_NUMBER, stringToNumber(value, false));
    else if (node.accepts("integer")) add(STRING_TO_NUMBER, stringToNumber(value, true));
    if (node.accepts("boolean")) add(STRING_TO_BOOLEAN, stringToBoolean(value));
    if (node.accepts("array")) add(WRAP_IN_ARRAY, wrapInArray(value));
  } else if (typeof value === "number" || typeof value === "boolean") {
    if (node.accepts("string")) add(SCALAR_TO_STRING, scalarToString(value));
    if (node.accepts("array")) add(WRAP_IN_ARRAY, wrapInArray(value));
  } else if (isPlainObject(value)) {
    if (node.accepts("array")) {
      add(EMPTY_OBJECT_TO_ARRAY, emptyObjectToArray(value));
      add(WRAP_IN_ARRAY, wrapInArray(value));
    }
    if (node.accepts("string")) add(OBJECT_TO_STRING, objectToString(value));
  } else if (Array.isArray(value) && !node.accepts("array")) {
    const single = unwrapSingleItemArray(value);
    if (single !== undefined) add(UNWRAP_SINGLE_ITEM_ARRAY, single.item);
  }
  return candidates;
}

/** For unions of object shapes: the branch this object fits once repaired, or the one it overlaps most. */
function pickObjectBranch(node: SchemaNode, value: Record<string, unknown>, recorder: RepairRecorder, mode: RepairMode): SchemaNode {
  const branches = (node.anyOf ?? node.oneOf)?.filter((branch) => branch.accepts("object"));
  if (branches === undefined || branches.length === 0) return node;
  for (const branch of branches) {
    const attempt = new RepairRecorder();
    const repaired = repairObject(value, branch, attempt, mode);
    if (node.check(repaired)) {
      recorder.merge(attempt);
      return branch;
    }
  }
  let best = branches[0] ?? node;
  let bestOverlap = -1;
  for (const branch of branches) {
    const shape = objectShapeOf(branch);
    const overlap = Object.keys(value).filter((key) => shape.properties.has(key)).length;
    if (overlap > bestOverlap) {
      best = branch;
      bestOverlap = overlap;
    }
  }
  return best;
}

/**
 * Repairs one value against its schema: strips grammar debris, descends into objects and
 * arrays, and when the value is still rejected tries the schema-directed conversions (JSON
 * strings, numeric and boolean strings, wrapping, serializing), keeping the first whose result
 * validates. A value the schema accepts is returned as is.
 */
export function repairValue(value: unknown, schema: SchemaNode, recorder: RepairRecorder, mode: RepairMode): unknown {
  const node = schema.resolved();
  let current = value;
  if (typeof current === "string") {
    const stripped = stripValueDebris(current);
    if (stripped !== null) {
      current = stripped;
      recorder.fire(STRIP_GRAMMAR_DEBRIS);
    }
  }
  if (isPlainObject(current) && node.accepts("object")) {
    const branch = pickObjectBranch(node, current, recorder, mode);
    return repairObject(current, branch, recorder, mode);
  }
  if (Array.isArray(current) && node.accepts("array")) {
    const items = current;
    let changed = false;
    const repaired = items.map((item, index) => {
      const itemSchema = node.prefixItems?.[index] ?? node.items;
      if (itemSchema === null || itemSchema === undefined) return item;
      const next = repairValue(item, itemSchema, recorder, mode);
      if (next !== item) changed = true;
      return next;
    });
    return changed ? repaired : items;
  }
  if (mode === "debris" || node.check(current)) return current;
  for (const [rule, converted] of conversionsFor(current, node)) {
    const attempt = new RepairRecorder();
    const result = repairValue(converted, node, attempt, mode);
    if (node.check(result)) {
      recorder.fire(rule);
      recorder.merge(attempt);
      return result;
    }
  }
  return current;
}

/**
 * Repairs an object against an object schema: cleans keys of markup, splits parameters a parser
 * merged into one value, renames misspelled or synonymous keys to the one declared property they
 * stand for, drops undeclared keys and `null` optionals, then repairs each value. In `debris`
 * mode only markup is handled. Returns the same object when nothing changed.
 */
export function repairObject(value: Record<string, unknown>, schema: SchemaNode, recorder: RepairRecorder, mode: RepairMode): Record<string, unknown> {
  const shape = objectShapeOf(schema);
  let changed = false;
  const entries: Array<[string, unknown]> = [];
  for (const [rawKey, entry] of Object.entries(value)) {
    let key = rawKey;
    // Keys are only cleaned where the schema lists its keys: a free-form map may hold any key.
    if (shape.declaresProperties && shape.propertySchema(key) === null) {
      const cleaned = stripKeyDebris(key);
      if (cleaned !== null && (mode === "full" || shape.propertySchema(cleaned) !== null)) {
        key = cleaned;
        changed = true;
        recorder.fire(STRIP_GRAMMAR_DEBRIS);
      }
    }
    entries.push([key, entry]);
  }

  // Parameters a parser ran together: `"Berlin</parameter>\n<parameter=unit>celsius"`.
  const present = new Set(entries.map(([key]) => key));
  for (let position = 0; position < entries.length; position++) {
    const [key, entry] = entries[position] ?? ["", undefined];
    if (typeof entry !== "string") continue;
    const merged = splitMergedParameters(entry);
    if (merged === null) continue;
    const usable = merged.rest.every(([restKey]) => !present.has(restKey) && (shape.propertySchema(restKey) !== null || !shape.declaresProperties));
    if (!usable) {
      recorder.problems.push({ kind: "grammar-markup", key, marker: findGrammarMarker(entry)?.token ?? "markup" });
      continue;
    }
    entries[position] = [key, merged.head];
    for (const [restKey, restValue] of merged.rest) {
      entries.push([restKey, restValue]);
      present.add(restKey);
    }
    changed = true;
    recorder.fire(RECOVER_MERGED_PARAMETERS);
  }

  if (mode === "full" && shape.declaresProperties && renameKeys(entries, shape.properties, present, shape.propertySchema, recorder)) changed = true;

  const result: Record<string, unknown> = {};
  for (const [key, entry] of entries) {
    const property = shape.propertySchema(key);
    if (property === null) {
      if (mode === "full" && dropsUnknownKeys(shape)) {
        recorder.fire(DROP_UNKNOWN_KEY);
        changed = true;
        continue;
      }
      const additional = shape.additionalProperties;
      const next = typeof additional === "boolean" ? entry : repairValue(entry, additional, recorder, mode);
      if (next !== entry) changed = true;
      result[key] = next;
      continue;
    }
    if (mode === "full" && isNullForOptional(entry, shape.required.has(key), property)) {
      recorder.fire(DROP_NULL_OPTIONAL);
      changed = true;
      continue;
    }
    const next = repairValue(entry, property, recorder, mode);
    if (next !== entry) changed = true;
    result[key] = next;
  }
  return changed ? result : value;
}

/** Renames undeclared keys in place; returns whether any key changed. */
function renameKeys(
  entries: Array<[string, unknown]>,
  declared: ReadonlyMap<string, SchemaNode>,
  present: Set<string>,
  propertySchema: (key: string) => SchemaNode | null,
  recorder: RepairRecorder,
): boolean {
  const absent = [...declared.keys()].filter((key) => !present.has(key));
  if (absent.length === 0) return false;
  const planned = new Map<number, readonly [target: string, rule: string]>();
  const targetCount = new Map<string, number>();
  entries.forEach(([key], position) => {
    if (propertySchema(key) !== null) return;
    const variant = findKeyVariant(key, absent);
    const target = variant ?? findKeySynonym(key, absent);
    if (target === null) return;
    planned.set(position, [target, variant !== null ? RENAME_KEY_VARIANT : RENAME_KEY_SYNONYM]);
    targetCount.set(target, (targetCount.get(target) ?? 0) + 1);
  });
  let changed = false;
  for (const [position, [target, rule]] of planned) {
    // Two keys claiming one property: neither is renamed, nothing is guessed.
    if (targetCount.get(target) !== 1) continue;
    const entry = entries[position];
    if (entry === undefined) continue;
    present.delete(entry[0]);
    present.add(target);
    entries[position] = [target, entry[1]];
    recorder.fire(rule);
    changed = true;
  }
  return changed;
}
