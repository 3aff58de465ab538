import type { Redactor } from "./create-redactor.js";

/** Redacts text that arrives in pieces (a command's output), without letting a secret slip through a cut. */
export interface StreamRedactor {
  /** Takes a piece; returns the redacted text that is complete so far (whole lines). */
  push(text: string): string;
  /** Returns the redacted rest. */
  end(): string;
}

/** A line longer than this is cut at a space or punctuation, since keys contain neither. */
const MAX_HELD_CHARS = 64 * 1024;
const PEM_BEGIN = /-----BEGIN[A-Z0-9 ]*PRIVATE KEY-----/g;
const PEM_END = /-----END[A-Z0-9 ]*PRIVATE KEY-----/;

/**
 * Wraps a redactor for streamed text. Text is held back until a line ends, so a key split
 * between two pieces is redacted whole; a private key block spanning many lines is dropped up to
 * its END line (one `[redacted]` stands for it), even when it is never closed. Output is the
 * input with secrets replaced, in order.
 */
export function createStreamRedactor(redact: Redactor): StreamRedactor {
  let held = "";
  let insideKeyBlock = false;

  const redactBlock = (block: string): string => {
    let text = block;
    if (insideKeyBlock) {
      const end = PEM_END.exec(text);
      if (!end) return "";
      insideKeyBlock = false;
      text = text.slice(end.index + end[0].length);
    }
    // A block that opens a private key without closing it keeps dropping lines until the end marker.
    let lastBegin = -1;
    for (const match of text.matchAll(PEM_BEGIN)) lastBegin = match.index;
    if (lastBegin >= 0 && !PEM_END.test(text.slice(lastBegin))) insideKeyBlock = true;
    return redact(text);
  };

  return {
    push(text) {
      held += text;
      let cut = held.lastIndexOf("\n") + 1;
      if (cut === 0) {
        if (held.length <= MAX_HELD_CHARS) return "";
        cut = safeCut(held);
      }
      const block = held.slice(0, cut);
      held = held.slice(cut);
      return redactBlock(block);
    },
    end() {
      const rest = held;
      held = "";
      const output = redactBlock(rest);
      return insideKeyBlock && output === "" ? "" : output;
    },
  };
}

/** Where to cut a long run without a newline: after its last space or punctuation, else at the end. */
function safeCut(text: string): number {
  for (let index = text.length - 1; index > text.length - MAX_HELD_CHARS / 2; index--) {
    if (/[\s"'`,;()<>[\]{}|]/.test(text[index]!)) return index + 1;
  }
  return text.length;
}

