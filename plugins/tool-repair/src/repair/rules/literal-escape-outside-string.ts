import { findQuotedStrings } from "../quoted-strings.js";

/** Rule name recorded when two-character `\n`/`\t`/`\r` sequences between JSON tokens are removed. */
export const LITERAL_ESCAPE_OUTSIDE_STRING = "literal-escape-outside-string";

/**
 * Turns escape sequences written between tokens (`{\n  "a": 1\n}` with a real backslash and `n`)
 * into the whitespace they stand for; a model copied an escaped rendering of pretty JSON. Strings
 * of either quote style are left exactly as written. Returns `null` when there are none.
 */
export function replaceLiteralEscapesOutsideStrings(text: string): string | null {
  let output = "";
  let copiedUpTo = 0;
  let changed = false;
  const replaceBetween = (from: number, to: number): void => {
    const between = text.slice(from, to);
    const replaced = between.replace(/\\[ntr]/g, " ");
    if (replaced !== between) changed = true;
    output += replaced;
  };
  for (const string of findQuotedStrings(text)) {
    replaceBetween(copiedUpTo, string.open);
    output += text.slice(string.open, string.close + 1);
    copiedUpTo = string.close + 1;
  }
  replaceBetween(copiedUpTo, text.length);
  return changed ? output : null;
}
