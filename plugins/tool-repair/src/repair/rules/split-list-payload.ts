import { isPlainObject } from "../schema/schema-node.js";

/** Rule name recorded when arguments sent as a list of objects become one call per object. */
export const SPLIT_LIST_PAYLOAD = "split-list-payload";

/**
 * The argument objects of a list payload (`[{"path": "a"}, {"path": "b"}]`, or `[{…}]` for one
 * call). Returns `null` unless every item is an object: `["x"]` or `[null]` is not a call.
 */
export function splitListPayload(value: readonly unknown[]): Array<Record<string, unknown>> | null {
  if (value.length === 0) return null;
  const objects: Array<Record<string, unknown>> = [];
  for (const item of value) {
    if (!isPlainObject(item)) return null;
    objects.push(item);
  }
  return objects;
}
