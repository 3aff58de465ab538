import type { ObjectShape } from "../object-shape.js";

/** Rule name recorded when an undeclared key is dropped from a call being repaired. */
export const DROP_UNKNOWN_KEY = "drop-unknown-key";

/**
 * Whether a key the schema does not declare is dropped while repairing: when the object declares
 * its properties and does not explicitly allow others. Tool schemas rarely mean to accept extra
 * keys; the extras are another harness's parameters (`offset`/`limit` on a `line_offset` tool).
 * Only used on calls that failed validation, so a valid call keeps its extras.
 */
export function dropsUnknownKeys(shape: ObjectShape): boolean {
  if (!shape.declaresProperties) return false;
  return shape.additionalProperties === false || (shape.additionalProperties === true && !shape.additionalPropertiesDeclared);
}
