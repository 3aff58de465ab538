/**
 * Text with CRLF turned into LF, remembering where each removed CR was, so a span found in the
 * normalized text maps back to the exact bytes of the original and everything outside the span
 * can be kept byte for byte (mixed line endings included).
 */
export interface NormalizedText {
  /** The text with every CRLF replaced by LF. Lone CRs are kept. */
  text: string;
  /** Normalized index of each LF whose CR was removed, ascending. */
  removedCarriageReturns: number[];
}

/** Normalizes CRLF to LF and records the removals. */
export function normalizeLineEndings(original: string): NormalizedText {
  const removedCarriageReturns: number[] = [];
  let text = "";
  let from = 0;
  for (let found = original.indexOf("\r\n"); found !== -1; found = original.indexOf("\r\n", found + 2)) {
    text += original.slice(from, found);
    removedCarriageReturns.push(text.length);
    text += "\n";
    from = found + 2;
  }
  text += original.slice(from);
  return { text, removedCarriageReturns };
}

/**
 * The original index of a normalized index, used for both ends of a span: an index on an LF
 * whose CR was removed maps to that CR, so a span never splits a CRLF pair.
 */
export function originalIndex(normalized: NormalizedText, index: number): number {
  const removals = normalized.removedCarriageReturns;
  let low = 0;
  let high = removals.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((removals[middle] ?? 0) < index) low = middle + 1;
    else high = middle;
  }
  return index + low;
}

/** The line ending most of the text uses: CRLF when CRLF lines outnumber bare LF lines. */
export function dominantLineEnding(text: string): "\r\n" | "\n" {
  let crlf = 0;
  let lf = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) {
    if (index > 0 && text.charCodeAt(index - 1) === 13) crlf += 1;
    else lf += 1;
  }
  return crlf > lf ? "\r\n" : "\n";
}

/** Replaces every LF in `text` (already LF-normalized) with the given line ending. */
export function applyLineEnding(text: string, ending: "\r\n" | "\n"): string {
  return ending === "\n" ? text : text.replace(/\n/g, ending);
}
