/** Rule name recorded when an object sent for a string property is serialized. */
export const OBJECT_TO_STRING = "object-to-string";

/**
 * Compact JSON for an object sent where the schema wants a string, as when a model writes a JSON
 * file's content or an `oldString` as an object. The original whitespace is unknowable; compact
 * JSON is the deterministic choice.
 */
export function objectToString(value: unknown): string | undefined {
  if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
  return JSON.stringify(value);
}
