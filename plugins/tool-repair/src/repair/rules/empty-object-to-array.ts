/** Rule name recorded when `{}` stands in for an empty array. */
export const EMPTY_OBJECT_TO_ARRAY = "empty-object-to-array";

/** `[]` for an empty object where the schema wants an array: models write `{}` for "nothing". */
export function emptyObjectToArray(value: unknown): unknown[] | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return Object.keys(value).length === 0 ? [] : undefined;
}
