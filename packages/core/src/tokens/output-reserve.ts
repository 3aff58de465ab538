import type { ModelLimits } from "../model-registry.js";

/** Output tokens a request asks for when nothing else is configured. */
export const DEFAULT_OUTPUT_TOKENS = 32_000;

/** The largest share of the window one answer may reserve, so a small window keeps room for the conversation. */
export const OUTPUT_WINDOW_SHARE = 0.25;

/**
 * The output tokens a request reserves in the window: what was asked for (32,000 by default), never
 * more than the model's real maximum output, and never more than a quarter of the window (8,192 of
 * a 32,768 window; a 128k window and up keeps the full 32,000). The request, the compaction
 * thresholds and `/context` all use this one number.
 */
export function outputReserve(limits: Pick<ModelLimits, "contextWindow" | "maxOutputTokens">, requested: number = DEFAULT_OUTPUT_TOKENS): number {
  const share = Math.floor(limits.contextWindow * OUTPUT_WINDOW_SHARE);
  return Math.max(1, Math.min(Math.floor(requested), limits.maxOutputTokens, share));
}
