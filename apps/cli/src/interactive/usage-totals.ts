import type { Usage } from "@bridle/core";

/** Tokens spent on one model on one gateway during this screen. */
export interface UsageTotal {
  model: string;
  gateway: string;
  requests: number;
  inputTokens: number;
  outputTokens: number;
  cachedInputTokens: number;
  /** Requests whose gateway did not say how many prompt tokens were cached. */
  cachedUnknown: number;
  /** The latest requests' prompt and cached tokens, oldest first (`cached` absent: not reported). */
  recent?: ReadonlyArray<{ inputTokens: number; cachedInputTokens?: number }>;
}

/** Requests per model @ gateway whose cached share `/cost` lists one by one. */
export const RECENT_REQUESTS = 8;

/** Totals keyed by `model @ gateway`, in the order first used. */
export type UsageTotals = Readonly<Record<string, UsageTotal>>;

/** Adds one request's usage to the totals. */
export function addUsage(totals: UsageTotals, model: string, gateway: string, usage: Usage): UsageTotals {
  const key = `${model} @ ${gateway}`;
  const previous = totals[key] ?? { model, gateway, requests: 0, inputTokens: 0, outputTokens: 0, cachedInputTokens: 0, cachedUnknown: 0 };
  return {
    ...totals,
    [key]: {
      ...previous,
      requests: previous.requests + 1,
      inputTokens: previous.inputTokens + usage.inputTokens,
      outputTokens: previous.outputTokens + usage.outputTokens,
      cachedInputTokens: previous.cachedInputTokens + (usage.cachedInputTokens ?? 0),
      cachedUnknown: previous.cachedUnknown + (usage.cachedInputTokens === undefined ? 1 : 0),
      recent: [
        ...(previous.recent ?? []),
        { inputTokens: usage.inputTokens, ...(usage.cachedInputTokens !== undefined ? { cachedInputTokens: usage.cachedInputTokens } : {}) },
      ].slice(-RECENT_REQUESTS),
    },
  };
}
