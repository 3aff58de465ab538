import { repairJsonSyntax } from "./repair-json.js";

/** Rule name recorded when a string holding JSON becomes the array or object the schema wants. */
export const PARSE_JSON_STRING = "parse-json-string";

/**
 * Parses a string that encodes the array or object a property wants (`"[{\"op\":\"init\"}]"`),
 * including Python reprs (`"['a', 'b']"`). Returns `undefined` unless the result is of the
 * wanted kind.
 */
export function parseJsonString(value: string, wanted: "array" | "object"): unknown {
  const text = value.trim();
  if (!(wanted === "array" ? text.startsWith("[") : text.startsWith("{"))) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    const repaired = repairJsonSyntax(text);
    if (!repaired.ok) return undefined;
    parsed = repaired.value;
  }
  const isArray = Array.isArray(parsed);
  if (wanted === "array" ? isArray : typeof parsed === "object" && parsed !== null && !isArray) return parsed;
  return undefined;
}
