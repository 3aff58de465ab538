import { scanJsonText, type JsonTextScan } from "../scan-json-text.js";

/** Rule name recorded when cut-off argument text is closed. */
export const CLOSE_TRUNCATED_JSON = "close-truncated-json";

/** How a JSON text ends. */
export type Truncation =
  | { kind: "complete" }
  /** Only closing brackets (and maybe a closing quote at a natural end) are missing. */
  | { kind: "closable"; closed: string }
  /** Cut inside a key, right after a key, or inside a value: what is missing cannot be known. */
  | { kind: "cut"; key: string | null; inValue: boolean; length: number };

const CLOSER: Readonly<Record<string, string>> = { "{": "}", "[": "]" };
const LITERALS = ["true", "false", "null", "True", "False", "None"];

/**
 * Whether the text of a cut string plausibly ended there anyway: it ends with a closing bracket
 * and its brackets balance (`print("hi")\nre.compile(r'{}')`). A cut at a random point in prose
 * or a command (`"ls`, `"…if it's onl`) does not pass, so such calls are reported, not run.
 */
export function endsAtNaturalBoundary(partial: string): boolean {
  const last = partial.trimEnd().slice(-1);
  if (last !== ")" && last !== "]" && last !== "}") return false;
  const depth: Record<string, number> = { "(": 0, "[": 0, "{": 0 };
  const opener: Readonly<Record<string, string>> = { ")": "(", "]": "[", "}": "{" };
  for (const char of partial) {
    if (char in depth) depth[char] = (depth[char] ?? 0) + 1;
    const open = opener[char];
    if (open !== undefined) {
      depth[open] = (depth[open] ?? 0) - 1;
      if ((depth[open] ?? 0) < 0) return false;
    }
  }
  return depth["("] === 0 && depth["["] === 0 && depth["{"] === 0;
}

/**
 * Classifies the end of one JSON value's text: complete, closable by appending what is missing,
 * or cut where a value was lost (inside a key, after a colon, inside a word, or mid-string away
 * from a natural end). Large payloads cut by an output limit land in `cut`: report, don't run.
 */
export function classifyTruncation(text: string, scan: JsonTextScan = scanJsonText(text)): Truncation {
  if (scan.stack.length === 0 && !scan.inString) return { kind: "complete" };
  const closers = scan.stack.map((bracket) => CLOSER[bracket] ?? "").reverse().join("");
  if (scan.inString) {
    const partial = text.slice(scan.stringStart);
    if (!scan.stringIsKey && scan.stack.length > 0 && endsAtNaturalBoundary(partial)) {
      return { kind: "closable", closed: `${text}"${closers}` };
    }
    return { kind: "cut", key: scan.currentKey, inValue: !scan.stringIsKey, length: text.length };
  }
  switch (scan.lastToken) {
    case "key":
    case "colon":
      return { kind: "cut", key: scan.currentKey, inValue: false, length: text.length };
    case "literal":
      if (scan.trailingLiteral !== "" && !LITERALS.includes(scan.trailingLiteral) && !/^-?\d+(\.\d+)?([eE][-+]?\d+)?$/.test(scan.trailingLiteral)) {
        return { kind: "cut", key: scan.currentKey, inValue: true, length: text.length };
      }
      return { kind: "closable", closed: text + closers };
    default:
      return { kind: "closable", closed: text.replace(/,\s*$/, "") + closers };
  }
}
