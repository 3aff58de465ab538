/** Rule name recorded when the string `"null"` becomes the `null` the schema allows. */
export const STRING_TO_NULL = "string-to-null";

/** Whether a string spells null (`"null"`, Python's `"None"`): some gateways quote nulls. */
export function isNullString(value: string): boolean {
  const text = value.trim();
  return text === "null" || text === "None";
}
