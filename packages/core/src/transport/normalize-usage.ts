import type { Usage } from "../chat.js";

type RawUsage = {
  prompt_tokens?: number;
  completion_tokens?: number;
  prompt_tokens_details?: { cached_tokens?: number | null } | null;
  completion_tokens_details?: { reasoning_tokens?: number | null } | null;
  cached_tokens?: number;
  prompt_cache_hit_tokens?: number;
};

/**
 * Normalizes a gateway's usage object. Cached tokens come from `prompt_tokens_details` (OpenAI
 * style), `cached_tokens` (Moonshot), `prompt_cache_hit_tokens` (DeepSeek) or llama.cpp's
 * `timings.cache_n`; absent stays `undefined`, which means "not reported", not zero.
 */
export function normalizeUsage(raw: unknown, timings?: unknown): Usage | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const usage = raw as RawUsage;
  if (typeof usage.prompt_tokens !== "number" && typeof usage.completion_tokens !== "number") return undefined;
  const cacheN = typeof timings === "object" && timings !== null ? (timings as { cache_n?: unknown }).cache_n : undefined;
  const cached =
    usage.prompt_tokens_details?.cached_tokens ??
    usage.cached_tokens ??
    usage.prompt_cache_hit_tokens ??
    (typeof cacheN === "number" ? cacheN : undefined);
  const reasoning = usage.completion_tokens_details?.reasoning_tokens;
  return {
    inputTokens: usage.prompt_tokens ?? 0,
    outputTokens: usage.completion_tokens ?? 0,
    ...(typeof cached === "number" ? { cachedInputTokens: cached } : {}),
    ...(typeof reasoning === "number" ? { reasoningTokens: reasoning } : {}),
  };
}
