/**
 * Encodings models really produce for an arguments object. Each is a faithful writing of the
 * same value, so reading it back must give exactly the object.
 */

/** How the strings of a Python literal are quoted: all `'`, alternating `'` and `"`, or as `repr` picks per string. */
export type PythonQuoting = "single" | "mixed" | "repr";

function hex(code: number, width: number): string {
  return code.toString(16).padStart(width, "0");
}

/** A string as Python writes it between `quote`s: `\\`, the quote, `\n`/`\t`/`\r`, other control characters as `\xhh`. */
function pythonString(text: string, quoting: PythonQuoting, counter: { strings: number }): string {
  counter.strings++;
  const quote = (quoting === "mixed" && counter.strings % 2 === 0) || (quoting === "repr" && text.includes("'") && !text.includes('"')) ? '"' : "'";
  let body = "";
  for (const char of text) {
    const code = char.codePointAt(0) ?? 0;
    if (char === "\\" || char === quote) body += `\\${char}`;
    else if (char === "\n") body += "\\n";
    else if (char === "\t") body += "\\t";
    else if (char === "\r") body += "\\r";
    else if (code < 0x20 || code === 0x7f) body += `\\x${hex(code, 2)}`;
    else if (code >= 0xd800 && code <= 0xdfff) body += `\\u${hex(code, 4)}`;
    else body += char;
  }
  return quote + body + quote;
}

/** The Python literal of `value` (`True`/`False`/`None`, `'…'` or `"…"` strings, Python escapes). */
export function toPythonLiteral(value: unknown, quoting: PythonQuoting, counter = { strings: 0 }): string {
  if (value === null) return "None";
  if (value === true) return "True";
  if (value === false) return "False";
  if (typeof value === "number") return String(value);
  if (typeof value === "string") return pythonString(value, quoting, counter);
  if (Array.isArray(value)) return `[${value.map((item) => toPythonLiteral(item, quoting, counter)).join(", ")}]`;
  const entries = Object.entries(value as Record<string, unknown>);
  return `{${entries.map(([key, item]) => `${pythonString(key, quoting, counter)}: ${toPythonLiteral(item, quoting, counter)}`).join(", ")}}`;
}

/** JSON with `'`-quoted strings: `'` escaped, `"` left bare, the other escapes as JSON writes them. */
export function toSingleQuotedJson(value: unknown): string {
  if (typeof value === "string") {
    const json = JSON.stringify(value);
    return `'${json.slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
  }
  if (Array.isArray(value)) return `[${value.map(toSingleQuotedJson).join(", ")}]`;
  if (value !== null && typeof value === "object") {
    return `{${Object.entries(value).map(([key, item]) => `${toSingleQuotedJson(key)}: ${toSingleQuotedJson(item)}`).join(", ")}}`;
  }
  return JSON.stringify(value);
}

/** JSON with a comma after the last item of every non-empty object and array. */
export function toJsonWithTrailingCommas(value: unknown): string {
  if (Array.isArray(value)) return value.length === 0 ? "[]" : `[${value.map((item) => `${toJsonWithTrailingCommas(item)},`).join(" ")}]`;
  if (value !== null && typeof value === "object") {
    const entries = Object.entries(value);
    return entries.length === 0 ? "{}" : `{${entries.map(([key, item]) => `${JSON.stringify(key)}: ${toJsonWithTrailingCommas(item)},`).join(" ")}}`;
  }
  return JSON.stringify(value);
}

/** JSON without its closing brackets: a model that stopped before closing what it opened. */
export function toJsonMissingClosers(value: unknown): string {
  return JSON.stringify(value).replace(/[}\]]+$/, "");
}
