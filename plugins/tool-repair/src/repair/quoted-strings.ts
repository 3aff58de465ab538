/** One quoted string in JSON-ish text. */
export interface QuotedString {
  /** Index of the opening quote. */
  open: number;
  /** Index of the closing quote, or the text's length when the string never closes. */
  close: number;
  quote: '"' | "'";
}

/** A `'` starts a string only where a value or key may start; elsewhere it is an apostrophe. */
const VALUE_START = /[{[(,:]/;

/**
 * The quoted strings of JSON-ish text, in order: `"…"` strings, and `'…'` strings where a value or
 * key may begin (a Python `repr` or a single-quoted JSON). Every text rule that acts inside or
 * outside strings reads them from here, so none mistakes the content of a single-quoted string
 * for structure.
 */
export function findQuotedStrings(text: string): QuotedString[] {
  const strings: QuotedString[] = [];
  let previous = "";
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? "";
    if (char === '"' || (char === "'" && (previous === "" || VALUE_START.test(previous)))) {
      let close = index + 1;
      while (close < text.length && text[close] !== char) close += text[close] === "\\" ? 2 : 1;
      close = Math.min(close, text.length);
      strings.push({ open: index, close, quote: char });
      previous = char;
      index = close + 1;
      continue;
    }
    if (!/\s/.test(char)) previous = char;
    index++;
  }
  return strings;
}
