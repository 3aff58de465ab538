/** Rule name recorded when arguments encoded as a JSON string (one level too many) are decoded. */
export const DECODE_DOUBLE_ENCODED = "decode-double-encoded";

/**
 * The text inside one level of string encoding, when there is one: a parsed JSON string whose
 * content is an object, an array or another encoded string (`"{\"a\": 1}"`). Returns `null`
 * otherwise.
 */
export function decodeDoubleEncoded(value: unknown): string | null {
  if (typeof value === "string") {
    const inner = value.trim();
    return inner.startsWith("{") || inner.startsWith("[") || (inner.startsWith('"') && inner.endsWith('"') && inner.length > 1) ? inner : null;
  }
  return null;
}

/** For raw text like `{\"a\": 1}`: the unescaped text, or `null` when it is not that shape. */
export function unescapeBareEncodedJson(text: string): string | null {
  if (!/^[{[]\s*\\"/.test(text)) return null;
  try {
    const decoded: unknown = JSON.parse(`"${text}"`);
    return typeof decoded === "string" ? decoded : null;
  } catch {
    return null;
  }
}
