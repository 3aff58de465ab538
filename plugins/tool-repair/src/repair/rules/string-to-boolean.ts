/** Rule name recorded when `"true"`/`"False"` becomes the boolean the schema wants. */
export const STRING_TO_BOOLEAN = "string-to-boolean";

/** The boolean a string spells in JSON or Python casing (`"true"`, `"False"`), or `undefined`. */
export function stringToBoolean(value: string): boolean | undefined {
  const text = value.trim().toLowerCase();
  if (text === "true") return true;
  if (text === "false") return false;
  return undefined;
}
