/** Rule name recorded when two-character `\n`/`\t`/`\r` sequences between JSON tokens are removed. */
export const LITERAL_ESCAPE_OUTSIDE_STRING = "literal-escape-outside-string";

/**
 * Turns escape sequences written between tokens (`{\n  "a": 1\n}` with a real backslash and `n`)
 * into the whitespace they stand for; a model copied an escaped rendering of pretty JSON.
 * Returns `null` when there are none.
 */
export function replaceLiteralEscapesOutsideStrings(text: string): string | null {
  let output = "";
  let copiedUpTo = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (inString) {
      if (char === "\\") index++;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') {
      inString = true;
    } else if (char === "\\" && /[ntr]/.test(text[index + 1] ?? "")) {
      output += `${text.slice(copiedUpTo, index)} `;
      copiedUpTo = index + 2;
      index++;
    }
  }
  return copiedUpTo === 0 ? null : output + text.slice(copiedUpTo);
}
