import type { ToolIndex } from "../tool-index.js";
import type { ExtractedToolCall } from "../types.js";

/** What a grammar parser knows besides the text. */
export interface ParseContext {
  /** No more text will arrive: unterminated markup must be decided now. */
  readonly final: boolean;
  readonly tools: ToolIndex | undefined;
}

/** Markup recognised as a call block (possibly yielding no call, e.g. Mistral's bare token). */
export interface CallBlock {
  kind: "block";
  /** Index just past the block. */
  end: number;
  calls: ExtractedToolCall[];
  /** Visible text the block itself carries (gpt-oss preambles), placed where the block was. */
  content?: string;
  /** Reasoning text the block carries (gpt-oss `analysis` messages). */
  reasoning?: string;
  /** Text after this block is not content (the grammar's parsers stop reading prose there). */
  dropFollowingText?: boolean;
  /** Whitespace right before the block belongs to the markup (Mistral). */
  trimContentBefore?: boolean;
  /** Whitespace right after the block belongs to the markup (MiniMax). */
  trimWhitespaceAfter?: boolean;
}

/**
 * A grammar parser's answer at a marker: a block, plain text up to `end` (the markup did not form
 * a call and stays in the content verbatim), or "incomplete" when only more text can decide.
 * "incomplete" is never returned when `context.final` is set.
 */
export type BlockResult = CallBlock | { kind: "text"; end: number } | { kind: "incomplete" };

/** Parses the markup that starts at `start` (where one of the grammar's markers was found). */
export type BlockParser = (text: string, start: number, context: ParseContext) => BlockResult;
