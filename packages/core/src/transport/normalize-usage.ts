import type { Usage } from "../chat.js";
import type { ResponseShape } from "../gateways/gateway-definition.js";
import { firstNumber, readPath } from "../gateways/read-path.js";

/** Where the OpenAI shape puts usage; gateways add their own places in their definitions. */
const USAGE_PATHS = ["usage"] as const;
const CACHED_PATHS = ["prompt_tokens_details.cached_tokens"] as const;
const REASONING_PATHS = ["completion_tokens_details.reasoning_tokens"] as const;

/** The usage-reading part of a gateway's response shape, with its lists joined to the generic ones once. */
export interface UsageReader {
  usagePaths: readonly string[];
  cachedTokenPaths: readonly string[];
  chunkCachedTokenPaths: readonly string[];
  reasoningTokenPaths: readonly string[];
}

export function createUsageReader(shape: ResponseShape | undefined): UsageReader {
  return {
    usagePaths: [...USAGE_PATHS, ...(shape?.usagePaths ?? [])],
    cachedTokenPaths: [...CACHED_PATHS, ...(shape?.cachedTokenPaths ?? [])],
    chunkCachedTokenPaths: shape?.chunkCachedTokenPaths ?? [],
    reasoningTokenPaths: [...REASONING_PATHS, ...(shape?.reasoningTokenPaths ?? [])],
  };
}

const GENERIC = createUsageReader(undefined);

/**
 * Reads the usage a chunk carries, from the first place the reader knows that holds one. Cached
 * tokens come from the first known name; absent stays `undefined`, which means "not reported",
 * not zero.
 */
export function readChunkUsage(chunk: unknown, reader: UsageReader = GENERIC): Usage | undefined {
  for (const path of reader.usagePaths) {
    const usage = normalizeUsage(readPath(chunk, path), reader, chunk);
    if (usage) return usage;
  }
  return undefined;
}

/** Normalizes one usage object; `chunk` is where chunk-level cached counts are looked up. */
export function normalizeUsage(raw: unknown, reader: UsageReader = GENERIC, chunk?: unknown): Usage | undefined {
  if (typeof raw !== "object" || raw === null) return undefined;
  const usage = raw as { prompt_tokens?: unknown; completion_tokens?: unknown };
  if (typeof usage.prompt_tokens !== "number" && typeof usage.completion_tokens !== "number") return undefined;
  const cached = firstNumber(raw, reader.cachedTokenPaths) ?? (chunk === undefined ? undefined : firstNumber(chunk, reader.chunkCachedTokenPaths));
  const reasoning = firstNumber(raw, reader.reasoningTokenPaths);
  return {
    inputTokens: typeof usage.prompt_tokens === "number" ? usage.prompt_tokens : 0,
    outputTokens: typeof usage.completion_tokens === "number" ? usage.completion_tokens : 0,
    ...(cached !== undefined ? { cachedInputTokens: cached } : {}),
    ...(reasoning !== undefined ? { reasoningTokens: reasoning } : {}),
  };
}
