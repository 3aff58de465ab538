/** Rule name recorded when backslashes that start no valid JSON escape are made literal. */
export const FIX_INVALID_ESCAPES = "fix-invalid-escapes";

const VALID_ESCAPE = new Set(['"', "\\", "/", "b", "f", "n", "r", "t"]);

/** A Windows path written raw: `C:\Users\…`, `.\src\…`, `..\lib\…`. */
const RAW_WINDOWS_PATH = /^(?:[A-Za-z]:\\(?!\\)|\.{1,2}\\(?!\\))/;

function isValidEscape(text: string, backslash: number): boolean {
  const next = text[backslash + 1] ?? "";
  if (next === "u") return /^[0-9a-fA-F]{4}$/.test(text.slice(backslash + 2, backslash + 6));
  return VALID_ESCAPE.has(next);
}

/**
 * Makes backslashes literal where they start no valid JSON escape (`"C:\Users\me"`). In a string
 * that is a raw Windows path every single backslash is literal (so `D:\new` stays a path, not
 * `D:` and a newline); elsewhere only the invalid ones change, keeping `\n` in code intact.
 * Only runs on text that failed to parse. Returns `null` when nothing changed.
 */
export function fixInvalidEscapes(text: string): string | null {
  let output = "";
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    if (text[index] !== '"') {
      index++;
      continue;
    }
    const start = index + 1;
    let end = start;
    let invalid = false;
    while (end < text.length && text[end] !== '"') {
      if (text[end] === "\\") {
        if (!isValidEscape(text, end)) invalid = true;
        end += 2;
      } else {
        end++;
      }
    }
    const body = text.slice(start, Math.min(end, text.length));
    const allLiteral = RAW_WINDOWS_PATH.test(body);
    if (invalid || allLiteral) {
      let fixed = "";
      for (let position = 0; position < body.length; position++) {
        const char = body[position];
        if (char !== "\\") {
          fixed += char;
          continue;
        }
        const next = body[position + 1] ?? "";
        if (next === "\\" || next === '"') {
          fixed += char + next;
          position++;
        } else if (allLiteral || !isValidEscape(body, position)) {
          fixed += "\\\\";
        } else {
          fixed += char;
        }
      }
      output += text.slice(copiedUpTo, start) + fixed;
      copiedUpTo = Math.min(end, text.length);
    }
    index = end + 1;
  }
  return copiedUpTo === 0 ? null : output + text.slice(copiedUpTo);
}
