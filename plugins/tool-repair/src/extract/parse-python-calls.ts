import type { ExtractedToolCall } from "./types.js";

/**
 * A small reader for the Python call lists Llama 4 / Llama 3.2 pythonic templates emit:
 * `[get_weather(city='SF', days=3), now()]`. Literals only (strings, numbers, True/False/None,
 * lists, tuples, dicts); keyword arguments only. Anything else means "not a call list".
 */
class PythonReader {
  private index = 0;

  constructor(private readonly text: string) {}

  fail(): never {
    throw new SyntaxError(`unexpected input at ${this.index}`);
  }

  skipSpace(): void {
    while (this.index < this.text.length && /\s/.test(this.text.charAt(this.index))) this.index += 1;
  }

  peek(): string {
    this.skipSpace();
    return this.text.charAt(this.index);
  }

  expect(character: string): void {
    if (this.peek() !== character) this.fail();
    this.index += 1;
  }

  atEnd(): boolean {
    this.skipSpace();
    return this.index >= this.text.length;
  }

  identifier(): string {
    this.skipSpace();
    const match = /^[A-Za-z_][\w.]*/.exec(this.text.slice(this.index));
    if (!match) this.fail();
    this.index += match[0].length;
    return match[0];
  }

  string(): string {
    const quote = this.text.charAt(this.index);
    let value = "";
    this.index += 1;
    while (this.index < this.text.length) {
      const character = this.text.charAt(this.index);
      if (character === quote) {
        this.index += 1;
        return value;
      }
      if (character === "\\") {
        const next = this.text.charAt(this.index + 1);
        const escapes: Record<string, string> = { n: "\n", t: "\t", r: "\r", "\\": "\\", "'": "'", '"': '"' };
        value += escapes[next] ?? `\\${next}`;
        this.index += 2;
        continue;
      }
      value += character;
      this.index += 1;
    }
    return this.fail();
  }

  sequence(close: string): unknown[] {
    const items: unknown[] = [];
    while (this.peek() !== close) {
      items.push(this.value());
      if (this.peek() === ",") this.index += 1;
      else if (this.peek() !== close) this.fail();
    }
    this.index += 1;
    return items;
  }

  value(): unknown {
    const character = this.peek();
    if (character === "'" || character === '"') return this.string();
    if (character === "[") {
      this.index += 1;
      return this.sequence("]");
    }
    if (character === "(") {
      this.index += 1;
      return this.sequence(")");
    }
    if (character === "{") {
      this.index += 1;
      const object: Record<string, unknown> = {};
      while (this.peek() !== "}") {
        const key = this.value();
        this.expect(":");
        object[String(key)] = this.value();
        if (this.peek() === ",") this.index += 1;
        else if (this.peek() !== "}") this.fail();
      }
      this.index += 1;
      return object;
    }
    const number = /^-?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?/.exec(this.text.slice(this.index));
    if (number) {
      this.index += number[0].length;
      return Number(number[0]);
    }
    const word = this.identifier();
    if (word === "True" || word === "true") return true;
    if (word === "False" || word === "false") return false;
    if (word === "None" || word === "null") return null;
    return this.fail();
  }

  call(): ExtractedToolCall {
    const name = this.identifier();
    this.expect("(");
    const argumentsObject: Record<string, unknown> = {};
    while (this.peek() !== ")") {
      const key = this.identifier();
      this.expect("=");
      argumentsObject[key] = this.value();
      if (this.peek() === ",") this.index += 1;
      else if (this.peek() !== ")") this.fail();
    }
    this.index += 1;
    return { name, arguments: argumentsObject };
  }

  calls(): ExtractedToolCall[] {
    const bracketed = this.peek() === "[";
    if (bracketed) this.index += 1;
    const calls: ExtractedToolCall[] = [];
    while (!(bracketed ? this.peek() === "]" : this.atEnd())) {
      calls.push(this.call());
      if (this.peek() === ",") this.index += 1;
      else if (bracketed && this.peek() !== "]") this.fail();
    }
    if (bracketed) this.index += 1;
    if (!this.atEnd()) this.fail();
    return calls;
  }
}

/** Reads a Python call list; undefined when the text is anything else. */
export function parsePythonCalls(text: string): ExtractedToolCall[] | undefined {
  try {
    const calls = new PythonReader(text).calls();
    return calls.length > 0 ? calls : undefined;
  } catch {
    return undefined;
  }
}
