import { clip, type TranscriptItem } from "./transcript-items.js";

/** A part of the history small enough for one summary request. */
export interface TranscriptChunk {
  text: string;
  /** Estimated tokens of `text`. */
  tokens: number;
  /** How many items it holds. */
  items: number;
}

/**
 * Splits transcript items into consecutive chunks of at most `budgetTokens` each, in order, so a
 * history longer than the summarizer's window is summarized in several passes. An item that is
 * larger than a whole chunk on its own is clipped to fit rather than sent over the window.
 *
 * @throws RangeError when `budgetTokens` is not a positive number.
 */
export function splitForSummarizer(items: readonly TranscriptItem[], budgetTokens: number): TranscriptChunk[] {
  if (!(budgetTokens > 0)) throw new RangeError(`splitForSummarizer: budgetTokens must be positive, got ${budgetTokens}`);
  const chunks: TranscriptChunk[] = [];
  let parts: string[] = [];
  let tokens = 0;
  const flush = () => {
    if (parts.length === 0) return;
    chunks.push({ text: parts.join("\n\n"), tokens, items: parts.length });
    parts = [];
    tokens = 0;
  };
  for (const item of items) {
    let { text, tokens: itemTokens } = item;
    if (itemTokens > budgetTokens) {
      // Scale by characters, with a margin for the uneven density of real text.
      const characters = Math.max(1, Math.floor((text.length * budgetTokens * 0.85) / itemTokens));
      text = clip(text, characters);
      itemTokens = Math.ceil((itemTokens * text.length) / Math.max(1, item.text.length));
    }
    if (tokens + itemTokens > budgetTokens) flush();
    parts.push(text);
    tokens += itemTokens;
  }
  flush();
  return chunks;
}
