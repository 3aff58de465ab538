/** Where a JSON value that starts at a given index ends, or why it does not. */
export type JsonScan =
  | { status: "complete"; end: number }
  /** The text ends before the value does; more text could still complete it. */
  | { status: "incomplete" }
  /** The text at `at` cannot continue a JSON value. */
  | { status: "invalid"; at: number };

const enum Expect {
  Value,
  KeyOrClose,
  Key,
  Colon,
  CommaOrClose,
}

const NUMBER = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const NUMBER_PREFIX = /-?(?:0|[1-9]\d*)?(?:\.\d*)?(?:[eE][+-]?\d*)?/y;
const LITERALS = ["true", "false", "null"] as const;

function isWhitespace(code: number): boolean {
  return code === 32 || code === 10 || code === 13 || code === 9;
}

/** Index just past the closing quote of the string opening at `start`, or -1 when unterminated. */
function scanString(text: string, start: number): number {
  let index = start + 1;
  while (index < text.length) {
    const code = text.charCodeAt(index);
    if (code === 34) return index + 1;
    if (code === 92) index += 2;
    else index += 1;
  }
  return -1;
}

/**
 * Scans one strict JSON value starting at `start` (leading whitespace allowed) without building
 * it, so callers can tell "complete", "not yet complete" and "not JSON" apart in streamed text.
 */
export function scanJsonValue(text: string, start: number): JsonScan {
  const stack: number[] = [];
  let expect = Expect.Value;
  let index = start;
  const length = text.length;
  while (index < length) {
    const code = text.charCodeAt(index);
    if (isWhitespace(code)) {
      index += 1;
      continue;
    }
    switch (expect) {
      case Expect.Value:
      case Expect.KeyOrClose:
      case Expect.Key: {
        if (expect !== Expect.Value && code !== 34) {
          if (expect === Expect.KeyOrClose && code === 125) {
            stack.pop();
            index += 1;
            if (stack.length === 0) return { status: "complete", end: index };
            expect = Expect.CommaOrClose;
            continue;
          }
          return { status: "invalid", at: index };
        }
        if (code === 34) {
          const end = scanString(text, index);
          if (end < 0) return { status: "incomplete" };
          index = end;
          if (expect !== Expect.Value) {
            expect = Expect.Colon;
            continue;
          }
        } else if (code === 123 || code === 91) {
          stack.push(code);
          index += 1;
          expect = code === 123 ? Expect.KeyOrClose : Expect.Value;
          if (code === 91) {
            // An empty array closes right away.
            let look = index;
            while (look < length && isWhitespace(text.charCodeAt(look))) look += 1;
            if (look >= length) return { status: "incomplete" };
            if (text.charCodeAt(look) === 93) {
              stack.pop();
              index = look + 1;
              if (stack.length === 0) return { status: "complete", end: index };
              expect = Expect.CommaOrClose;
            }
          }
          continue;
        } else if (code === 45 || (code >= 48 && code <= 57)) {
          // A number running into the end of the text (`3`, `3.`, `1e`) may still grow.
          NUMBER_PREFIX.lastIndex = index;
          const prefix = NUMBER_PREFIX.exec(text);
          if (prefix && index + prefix[0].length >= length) return { status: "incomplete" };
          NUMBER.lastIndex = index;
          const match = NUMBER.exec(text);
          if (!match) return { status: "invalid", at: index };
          index += match[0].length;
        } else {
          const literal = LITERALS.find((word) => word.charCodeAt(0) === code);
          if (!literal) return { status: "invalid", at: index };
          const available = text.slice(index, index + literal.length);
          if (available.length < literal.length) {
            return literal.startsWith(available) ? { status: "incomplete" } : { status: "invalid", at: index };
          }
          if (available !== literal) return { status: "invalid", at: index };
          index += literal.length;
        }
        if (stack.length === 0) return { status: "complete", end: index };
        expect = Expect.CommaOrClose;
        continue;
      }
      case Expect.Colon:
        if (code !== 58) return { status: "invalid", at: index };
        index += 1;
        expect = Expect.Value;
        continue;
      case Expect.CommaOrClose: {
        const open = stack[stack.length - 1];
        if (code === 44) {
          index += 1;
          expect = open === 123 ? Expect.Key : Expect.Value;
          continue;
        }
        if ((open === 123 && code === 125) || (open === 91 && code === 93)) {
          stack.pop();
          index += 1;
          if (stack.length === 0) return { status: "complete", end: index };
          continue;
        }
        return { status: "invalid", at: index };
      }
    }
  }
  return { status: "incomplete" };
}

/** A JSON value read at an index: the value and where it ends, or why there is none. */
export type JsonRead = { status: "complete"; value: unknown; end: number } | { status: "incomplete" } | { status: "invalid" };

/**
 * Scans the JSON value that starts at `start` and parses it: "incomplete" when more text could
 * still complete it, "invalid" when it cannot be JSON.
 */
export function readJsonValue(text: string, start: number): JsonRead {
  const scan = scanJsonValue(text, start);
  if (scan.status === "incomplete") return scan;
  if (scan.status === "invalid") return { status: "invalid" };
  try {
    return { status: "complete", value: JSON.parse(text.slice(start, scan.end)) as unknown, end: scan.end };
  } catch {
    return { status: "invalid" };
  }
}
