/** Rule name recorded when arguments written as a Python literal (`{'a': True}`) or single-quoted JSON are read. */
export const PYTHON_LITERAL = "python-literal";

/** A text that uses a Python-only token: a `'`-quoted string where a value starts, or `True`/`False`/`None`. */
const PYTHON_MARK = /(?:^|[{[(,:]\s*)(?:[rRuU]?'|(?:True|False|None)\b)/;

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  "\\": "\\", "'": "'", '"': '"', "/": "/", n: "\n", t: "\t", r: "\r", b: "\b", f: "\f", v: "\v", a: "\u0007", "\n": "",
};

class NotPython extends Error {}

/** What `parsePythonLiteral` read. */
export interface PythonLiteral {
  value: unknown;
  /** Brackets were still open at the end and were closed. */
  closed: boolean;
}

/**
 * Reads arguments a model wrote as a Python literal (a `repr` of a dict) or as JSON with
 * single-quoted strings: `'…'` and `"…"` strings (also triple-quoted and `r`/`u`-prefixed) with
 * Python's escapes (`\n`, `\'`, `\x41`, `\u00e9`, octal; JSON's `\/` too), `True`/`False`/`None`
 * and `true`/`false`/`null`, tuples, trailing commas, and brackets left open at the very end after
 * a complete value. The string values come back exactly as written, which a generic JSON repair
 * cannot promise (it turns `\x41` into `x41` and misreads `'{'`). Returns `null` unless the whole
 * text is one such literal and it uses a Python-only token, so a JSON text with a raw Windows path
 * (`"C:\new"`) keeps its JSON reading.
 */
export function parsePythonLiteral(text: string): PythonLiteral | null {
  if (!PYTHON_MARK.test(text)) return null;
  const reader = new PythonReader(text);
  try {
    const value = reader.value();
    reader.skipSpace();
    return reader.atEnd() ? { value, closed: reader.closedAtEnd } : null;
  } catch (error) {
    if (error instanceof NotPython) return null;
    throw error;
  }
}

class PythonReader {
  private index = 0;
  /** A container was closed by the end of the text. */
  closedAtEnd = false;

  constructor(private readonly text: string) {}

  atEnd(): boolean {
    return this.index >= this.text.length;
  }

  skipSpace(): void {
    while (/\s/.test(this.text[this.index] ?? "")) this.index++;
  }

  value(): unknown {
    this.skipSpace();
    const char = this.text[this.index] ?? "";
    if (char === "{") return this.dict();
    if (char === "[") return this.sequence("]");
    if (char === "(") return this.sequence(")");
    if (char === "'" || char === '"' || (/[rRuU]/.test(char) && /['"]/.test(this.text[this.index + 1] ?? ""))) return this.strings();
    const word = /^(?:True|False|None|true|false|null)\b/.exec(this.text.slice(this.index, this.index + 6));
    if (word !== null) {
      this.index += word[0].length;
      return word[0] === "True" || word[0] === "true" ? true : word[0] === "False" || word[0] === "false" ? false : null;
    }
    const number = /^-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.index, this.index + 400));
    if (number !== null) {
      this.index += number[0].length;
      const parsed = Number(number[0]);
      if (!Number.isFinite(parsed)) throw new NotPython();
      return parsed;
    }
    throw new NotPython();
  }

  private expect(char: string): void {
    this.skipSpace();
    if (this.text[this.index] !== char) throw new NotPython();
    this.index++;
  }

  /** Whether the next token is `close` (consumed); otherwise a `,` must separate items. */
  private closes(close: string, first: boolean): boolean {
    this.skipSpace();
    if (this.atEnd()) {
      this.closedAtEnd = true;
      return true;
    }
    if (this.text[this.index] === close) {
      this.index++;
      return true;
    }
    if (!first) {
      this.expect(",");
      this.skipSpace();
      if (this.text[this.index] === close) {
        this.index++;
        return true;
      }
    }
    return false;
  }

  private dict(): Record<string, unknown> {
    this.index++;
    const result: Record<string, unknown> = {};
    for (let first = true; !this.closes("}", first); first = false) {
      const key = this.value();
      if (typeof key !== "string") throw new NotPython();
      this.expect(":");
      const value = this.value();
      // Assigned as a data property so a `__proto__` key stays an ordinary key, as JSON.parse keeps it.
      Object.defineProperty(result, key, { value, enumerable: true, writable: true, configurable: true });
    }
    return result;
  }

  private sequence(close: string): unknown[] {
    this.index++;
    const items: unknown[] = [];
    for (let first = true; !this.closes(close, first); first = false) items.push(this.value());
    return items;
  }

  /** One string or several adjacent ones (Python joins `'a' 'b'`). */
  private strings(): string {
    let result = this.string();
    for (;;) {
      const before = this.index;
      this.skipSpace();
      const char = this.text[this.index] ?? "";
      if (char === "'" || char === '"') {
        result += this.string();
        continue;
      }
      this.index = before;
      return result;
    }
  }

  private string(): string {
    let raw = false;
    while (/[rRuU]/.test(this.text[this.index] ?? "")) {
      if (/[rR]/.test(this.text[this.index] ?? "")) raw = true;
      this.index++;
    }
    const quoteChar = this.text[this.index] ?? "";
    const triple = this.text.startsWith(quoteChar.repeat(3), this.index);
    const quote = triple ? quoteChar.repeat(3) : quoteChar;
    this.index += quote.length;
    let result = "";
    for (;;) {
      if (this.atEnd()) throw new NotPython();
      if (this.text.startsWith(quote, this.index)) {
        this.index += quote.length;
        return result;
      }
      const char = this.text[this.index] ?? "";
      if (char === "\n" && !triple) throw new NotPython();
      if (char !== "\\") {
        result += char;
        this.index++;
        continue;
      }
      const next = this.text[this.index + 1];
      if (next === undefined) throw new NotPython();
      if (raw) {
        // A raw string keeps the backslash; it only stops the quote from ending the string.
        result += char + next;
        this.index += 2;
        continue;
      }
      result += this.escape(next);
    }
  }

  /** Reads the escape at the current backslash; Python keeps an unknown escape as written. */
  private escape(next: string): string {
    const simple = SIMPLE_ESCAPES[next];
    if (simple !== undefined) {
      this.index += 2;
      return simple;
    }
    const hexLength = next === "x" ? 2 : next === "u" ? 4 : next === "U" ? 8 : 0;
    if (hexLength > 0) {
      const digits = this.text.slice(this.index + 2, this.index + 2 + hexLength);
      if (!new RegExp(`^[0-9a-fA-F]{${hexLength}}$`).test(digits)) throw new NotPython();
      const code = Number.parseInt(digits, 16);
      if (code > 0x10ffff) throw new NotPython();
      this.index += 2 + hexLength;
      return String.fromCodePoint(code);
    }
    const octal = /^[0-7]{1,3}/.exec(this.text.slice(this.index + 1, this.index + 4));
    if (octal !== null) {
      this.index += 1 + octal[0].length;
      return String.fromCodePoint(Number.parseInt(octal[0], 8));
    }
    if (next === "N") throw new NotPython();
    this.index += 2;
    return `\\${next}`;
  }
}
