import type { SchemaNode } from "../schema/schema-node.js";

/** Rule name recorded when `null` for an optional property is turned into an omitted property. */
export const DROP_NULL_OPTIONAL = "drop-null-optional";

/**
 * Whether `value` for an optional property is a `null` standing for "not given": models trained
 * on strict-mode schemas send `null` for every optional they skip. Required properties are never
 * dropped (that would hide a missing value), nor are nulls the schema allows.
 */
export function isNullForOptional(value: unknown, required: boolean, property: SchemaNode): boolean {
  return value === null && !required && !property.accepts("null");
}
