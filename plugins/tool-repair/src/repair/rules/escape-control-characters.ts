import { findQuotedStrings } from "../quoted-strings.js";

/** Rule name recorded when raw control characters inside strings are escaped. */
export const ESCAPE_CONTROL_CHARACTERS = "escape-control-characters";

const NAMED: Readonly<Record<string, string>> = { "\n": "\\n", "\r": "\\r", "\t": "\\t", "\b": "\\b", "\f": "\\f" };

/**
 * Escapes literal newlines, tabs and other control characters inside JSON strings, which strict
 * parsers reject (Python's `json.loads(strict=False)` accepts them, so models produce them).
 * Returns `null` when there are none.
 */
export function escapeControlCharacters(text: string): string | null {
  let output = "";
  let copiedUpTo = 0;
  for (const string of findQuotedStrings(text)) {
    for (let index = string.open + 1; index < string.close; index++) {
      const char = text[index] ?? "";
      if (char === "\\") {
        index++;
      } else if (char.charCodeAt(0) < 0x20) {
        const escaped = NAMED[char] ?? `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`;
        output += text.slice(copiedUpTo, index) + escaped;
        copiedUpTo = index + 1;
      }
    }
  }
  return copiedUpTo === 0 ? null : output + text.slice(copiedUpTo);
}
