import { scanJsonText } from "../scan-json-text.js";

/** Rule name recorded when stray closing brackets after the arguments are removed. */
export const DROP_EXTRA_CLOSING_BRACKET = "drop-extra-closing-bracket";

/**
 * Removes `}` or `]` that close nothing (`{"a":1}}`), which a model adds when it closes the call
 * envelope it was imitating. Returns `null` when there are none.
 */
export function dropExtraClosingBrackets(text: string): string | null {
  const scan = scanJsonText(text);
  if (scan.strayClosers.length === 0) return null;
  let output = "";
  let copiedUpTo = 0;
  for (const index of scan.strayClosers) {
    output += text.slice(copiedUpTo, index);
    copiedUpTo = index + 1;
  }
  return output + text.slice(copiedUpTo);
}
