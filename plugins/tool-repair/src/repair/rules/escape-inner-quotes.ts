/** Rule name recorded when unescaped double quotes inside string values are escaped. */
export const ESCAPE_INNER_QUOTES = "escape-inner-quotes";

/** What `escapeInnerQuotes` found. */
export type InnerQuotesResult =
  | { kind: "unchanged" }
  | { kind: "escaped"; text: string }
  /** A value seems to lack its closing quote before the next key: which way to cut is a guess. */
  | { kind: "lost-boundary"; key: string };

/** A quoted key ahead (escapes allowed, as in a key a parser built from command text). */
const KEY_AHEAD = /^"((?:[^"\\\n]|\\.){1,200})"\s*:/;
const UNQUOTED_KEY_AHEAD = /^[A-Za-z_$][\w$-]{0,100}\s*:/;

/** Next index that is not whitespace, counting `\n`-style sequences written between tokens as whitespace. */
function nextNonSpace(text: string, from: number): number {
  let index = from;
  for (;;) {
    const char = text[index] ?? "";
    if (/\s/.test(char)) index++;
    else if (char === "\\" && /[ntr]/.test(text[index + 1] ?? "")) index += 2;
    else return index;
  }
}

/**
 * Escapes double quotes that a model left unescaped inside string values
 * (`"content": "env.get("KEY")"`). A quote ends a value only where JSON lets a value end: before
 * `,` plus a key (or the next array item), before the closing bracket of the enclosing container,
 * or at the end. A quote that opens a known key (`"path": "a.txt, "content": …`) means a value
 * lost its closing quote; that is reported, not guessed. `knownKeys` is every property name the
 * schema declares, or `null` when the schema declares none (then any key-like text counts).
 */
export function escapeInnerQuotes(text: string, knownKeys: ReadonlySet<string> | null): InnerQuotesResult {
  const stack: string[] = [];
  let expectKey = false;
  let output = "";
  let copiedUpTo = 0;
  let index = 0;
  while (index < text.length) {
    const char = text[index];
    if (char === "{" || char === "[") {
      stack.push(char);
      expectKey = char === "{";
      index++;
    } else if (char === "}" || char === "]") {
      stack.pop();
      expectKey = false;
      index++;
    } else if (char === ",") {
      expectKey = stack[stack.length - 1] === "{";
      index++;
    } else if (char === ":") {
      expectKey = false;
      index++;
    } else if (char === "'" && /[{[,:]\s*$/.test(text.slice(Math.max(0, index - 20), index))) {
      // Skip a single-quoted string whole: its double quotes are content.
      index++;
      while (index < text.length && text[index] !== "'") index += text[index] === "\\" ? 2 : 1;
      index++;
    } else if (char === '"') {
      const isKey = expectKey && stack[stack.length - 1] === "{";
      index++;
      while (index < text.length) {
        const inner = text[index];
        if (inner === "\\") {
          index += 2;
          continue;
        }
        if (inner !== '"') {
          index++;
          continue;
        }
        if (isKey || closesValue(text, index, stack)) break;
        const ahead = KEY_AHEAD.exec(text.slice(index, index + 210));
        if (ahead !== null && (knownKeys === null || knownKeys.has(ahead[1] ?? ""))) {
          return { kind: "lost-boundary", key: ahead[1] ?? "" };
        }
        output += `${text.slice(copiedUpTo, index)}\\"`;
        copiedUpTo = index + 1;
        index++;
      }
      index++;
      expectKey = false;
    } else {
      index++;
    }
  }
  if (copiedUpTo === 0) return { kind: "unchanged" };
  return { kind: "escaped", text: output + text.slice(copiedUpTo) };
}

/** Whether the quote at `quote` can end a string value given what follows it. */
function closesValue(text: string, quote: number, stack: readonly string[]): boolean {
  const next = nextNonSpace(text, quote + 1);
  if (next >= text.length) return true;
  const follower = text[next];
  const container = stack[stack.length - 1];
  if (follower === ",") {
    if (container !== "{") return true;
    const after = nextNonSpace(text, next + 1);
    if (after >= text.length || text[after] === "}") return true;
    const rest = text.slice(after, after + 210);
    return KEY_AHEAD.test(rest) || UNQUOTED_KEY_AHEAD.test(rest) || (text[after] === '"' && text.indexOf('"', after + 1) === -1);
  }
  if ((follower === "}" && container === "{") || (follower === "]" && container === "[")) {
    const after = nextNonSpace(text, next + 1);
    if (after >= text.length) return true;
    const beyond = text[after];
    // At the outermost level only another object (concatenated calls), markup or stray closers may follow.
    if (stack.length <= 1) return beyond === "{" || beyond === "[" || beyond === "<" || beyond === "," || beyond === "}" || beyond === "]";
    return beyond === "," || beyond === "}" || beyond === "]";
  }
  return false;
}
