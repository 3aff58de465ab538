/** Rule name recorded when a number or boolean becomes the string the schema wants. */
export const SCALAR_TO_STRING = "scalar-to-string";

/** The string for a number or boolean where the schema wants a string (a todo `id` sent as `4`). */
export function scalarToString(value: unknown): string | undefined {
  if (typeof value === "number" && Number.isFinite(value)) return String(value);
  if (typeof value === "boolean") return String(value);
  return undefined;
}
