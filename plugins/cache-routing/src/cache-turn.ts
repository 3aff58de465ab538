import type { Usage } from "@bridle/core";

/** Cached prompt tokens of one turn; `ratio` is `undefined` when the gateway did not report them. */
export interface CacheTurn {
  turn: number;
  promptTokens: number;
  cachedTokens?: number;
  ratio?: number;
}

/** The cache share of one answer's prompt, from its usage. Absent usage or cached count is unknown, not 0. */
export function cacheTurn(turn: number, usage: Usage | undefined): CacheTurn {
  if (!usage) return { turn, promptTokens: 0 };
  if (usage.cachedInputTokens === undefined || usage.inputTokens <= 0) return { turn, promptTokens: usage.inputTokens };
  const cachedTokens = Math.min(usage.cachedInputTokens, usage.inputTokens);
  return { turn, promptTokens: usage.inputTokens, cachedTokens, ratio: cachedTokens / usage.inputTokens };
}

/**
 * A sudden drop: the previous turn had at least `floor` of its prompt cached and this one, on the
 * same prefix, has less than half of that. Appending to a conversation only ever grows the cached
 * part, so such a drop means the request reached a node without the session's cache.
 */
export function isCacheDrop(previous: CacheTurn | undefined, current: CacheTurn, floor = 0.5): boolean {
  if (previous?.ratio === undefined || current.ratio === undefined) return false;
  return previous.ratio >= floor && current.ratio < previous.ratio / 2;
}
