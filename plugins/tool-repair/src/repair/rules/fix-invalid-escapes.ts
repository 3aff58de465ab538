import { findQuotedStrings, type QuotedString } from "../quoted-strings.js";

/** Rule name recorded when backslashes that start no valid JSON escape are made literal. */
export const FIX_INVALID_ESCAPES = "fix-invalid-escapes";

const VALID_ESCAPE = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** A Windows path written raw: `C:\Users\…`, `.\src\…`, `..\lib\…`. */
const RAW_WINDOWS_PATH = /^(?:[A-Za-z]:\\(?!\\)|\.{1,2}\\(?!\\))/;

/** Whether the backslash at `backslash` starts an escape a string quoted with `quote` may hold. */
function isValidEscape(text: string, backslash: number, quote: string): boolean {
  const next = text[backslash + 1] ?? "";
  if (next === "u") return /^[0-9a-fA-F]{4}$/.test(text.slice(backslash + 2, backslash + 6));
  return VALID_ESCAPE.has(next) || next === quote;
}

/**
 * Makes backslashes literal where they start no valid JSON escape (`"C:\Users\me"`). In a string
 * that is a raw Windows path every single backslash is literal (so `D:\backup\new` stays a path,
 * not a newline) when the text shows raw writing (an invalid escape somewhere); elsewhere only
 * the invalid ones change, keeping `\n` in code intact. In a `'`-quoted string `\'` is the
 * quote's own escape and stays. Only runs on text that failed to parse. Returns `null` when
 * nothing changed.
 */
export function fixInvalidEscapes(text: string): string | null {
  const strings = findQuotedStrings(text).map((string) => ({ ...string, invalid: hasInvalidEscape(text, string) }));
  // A path counts as written raw only when the text shows raw writing: `{"id": "x:\r"` alone is JSON.
  const writtenRaw = strings.some((string) => string.invalid);
  if (!writtenRaw) return null;
  let output = "";
  let copiedUpTo = 0;
  for (const string of strings) {
    const start = string.open + 1;
    const body = text.slice(start, string.close);
    const allLiteral = RAW_WINDOWS_PATH.test(body);
    if (!string.invalid && !allLiteral) continue;
    let fixed = "";
    for (let position = 0; position < body.length; position++) {
      const char = body[position];
      if (char !== "\\") {
        fixed += char;
        continue;
      }
      const next = body[position + 1] ?? "";
      if (next === "\\" || next === string.quote) {
        fixed += char + next;
        position++;
      } else if (allLiteral || !isValidEscape(body, position, string.quote)) {
        fixed += "\\\\";
      } else {
        fixed += char;
      }
    }
    output += text.slice(copiedUpTo, start) + fixed;
    copiedUpTo = string.close;
  }
  return copiedUpTo === 0 ? null : output + text.slice(copiedUpTo);
}

function hasInvalidEscape(text: string, string: QuotedString): boolean {
  for (let position = string.open + 1; position < string.close; position++) {
    if (text[position] !== "\\") continue;
    if (!isValidEscape(text, position, string.quote)) return true;
    position++;
  }
  return false;
}
