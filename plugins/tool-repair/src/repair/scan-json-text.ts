/** The last token seen by `scanJsonText`, which tells what a cut-off text was in the middle of. */
export type LastToken = "none" | "open" | "comma" | "colon" | "key" | "value" | "close" | "literal";

/** The structure of a (possibly broken) JSON text, as far as a lenient scan can tell. */
export interface JsonTextScan {
  /** Top-level values that were complete, as `[start, end)` ranges. */
  complete: Array<readonly [number, number]>;
  /** Start of a top-level value that never closed, or -1. */
  openStart: number;
  /** Brackets still open at the end, outermost first. */
  stack: string[];
  /** The text ended inside a string. */
  inString: boolean;
  /** That string was an object key. */
  stringIsKey: boolean;
  /** Where the unterminated string's content starts. */
  stringStart: number;
  /** Key of the value being written when the text ended, when known. */
  currentKey: string | null;
  lastToken: LastToken;
  /** A bare word or number at the very end (`tru`, `12`), when the text ended on one. */
  trailingLiteral: string;
  /** Indexes of `}`/`]` found outside any container. */
  strayClosers: number[];
}

/**
 * Scans JSON-ish text once, tracking strings, brackets and the role of each string, without
 * failing on errors. Used to split concatenated values and to tell how a cut-off text ends.
 */
export function scanJsonText(text: string): JsonTextScan {
  const scan: JsonTextScan = {
    complete: [],
    openStart: -1,
    stack: [],
    inString: false,
    stringIsKey: false,
    stringStart: -1,
    currentKey: null,
    lastToken: "none",
    trailingLiteral: "",
    strayClosers: [],
  };
  const keys: Array<string | null> = [];
  let literalStart = -1;
  let index = 0;
  const endLiteral = (at: number): void => {
    if (literalStart >= 0) {
      scan.lastToken = "literal";
      literalStart = -1;
      if (scan.stack.length === 0 && scan.openStart >= 0) {
        scan.complete.push([scan.openStart, at]);
        scan.openStart = -1;
      }
    }
  };
  while (index < text.length) {
    const char = text[index] ?? "";
    // Python reprs quote with `'`; treat it as a delimiter only where a string may start.
    const quote = char === '"' || (char === "'" && literalStart < 0 && scan.lastToken !== "key" && scan.lastToken !== "value" && scan.lastToken !== "close");
    if (quote) {
      endLiteral(index);
      const container = scan.stack[scan.stack.length - 1];
      const isKey = container === "{" && (scan.lastToken === "open" || scan.lastToken === "comma");
      if (scan.stack.length === 0 && scan.openStart < 0) scan.openStart = index;
      const start = index + 1;
      index = start;
      while (index < text.length && text[index] !== char) index += text[index] === "\\" ? 2 : 1;
      if (index >= text.length) {
        scan.inString = true;
        scan.stringIsKey = isKey;
        scan.stringStart = start;
        if (isKey) scan.currentKey = text.slice(start);
        return scan;
      }
      if (isKey) {
        keys[keys.length - 1] = text.slice(start, index);
        scan.currentKey = keys[keys.length - 1] ?? null;
      }
      scan.lastToken = isKey ? "key" : "value";
      index++;
      if (!isKey && scan.stack.length === 0 && scan.openStart >= 0) {
        scan.complete.push([scan.openStart, index]);
        scan.openStart = -1;
      }
      continue;
    }
    if (char === "{" || char === "[") {
      endLiteral(index);
      if (scan.stack.length === 0) scan.openStart = index;
      scan.stack.push(char);
      keys.push(null);
      scan.lastToken = "open";
    } else if (char === "}" || char === "]") {
      endLiteral(index);
      if (scan.stack.length === 0) {
        scan.strayClosers.push(index);
      } else {
        scan.stack.pop();
        keys.pop();
        scan.currentKey = keys[keys.length - 1] ?? null;
        scan.lastToken = "close";
        if (scan.stack.length === 0) {
          scan.complete.push([scan.openStart, index + 1]);
          scan.openStart = -1;
        }
      }
    } else if (char === ",") {
      endLiteral(index);
      scan.lastToken = "comma";
    } else if (char === ":") {
      endLiteral(index);
      scan.lastToken = "colon";
    } else if (/\s/.test(char)) {
      endLiteral(index);
    } else if (literalStart < 0) {
      literalStart = index;
      if (scan.stack.length === 0 && scan.openStart < 0) scan.openStart = index;
    }
    index++;
  }
  if (literalStart >= 0) {
    scan.trailingLiteral = text.slice(literalStart);
    scan.lastToken = "literal";
    if (scan.stack.length === 0 && scan.openStart >= 0) {
      scan.complete.push([scan.openStart, text.length]);
      scan.openStart = -1;
    }
  }
  return scan;
}
