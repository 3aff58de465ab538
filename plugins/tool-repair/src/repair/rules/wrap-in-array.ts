/** Rule name recorded when a single value is wrapped into the array the schema wants. */
export const WRAP_IN_ARRAY = "wrap-in-array";

/** `[value]` for a bare value where the schema wants an array (`"paths": "a.py"`). */
export function wrapInArray(value: unknown): unknown[] | undefined {
  if (value === null || value === undefined || Array.isArray(value)) return undefined;
  return [value];
}
