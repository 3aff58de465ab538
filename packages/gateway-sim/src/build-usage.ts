import type { GatewayProfile, UsageNumbers } from "./gateway-profile.js";

/**
 * The `usage` object in the gateway's shape: where cached tokens go (details, top level,
 * DeepSeek hit/miss counts, nowhere), `null` details for a vLLM that does not report them, and
 * the profile's own extra fields.
 */
export function buildUsage(profile: GatewayProfile, numbers: UsageNumbers): Record<string, unknown> {
  const usage: Record<string, unknown> = {
    prompt_tokens: numbers.promptTokens,
    completion_tokens: numbers.completionTokens,
    total_tokens: numbers.promptTokens + numbers.completionTokens,
  };
  if (!profile.reportsCachedTokens) {
    if (profile.cachedTokens === "prompt-details") usage.prompt_tokens_details = null;
  } else {
    switch (profile.cachedTokens) {
      case "prompt-details":
        usage.prompt_tokens_details = { cached_tokens: numbers.cachedTokens };
        break;
      case "top-level":
        usage.cached_tokens = numbers.cachedTokens;
        break;
      case "deepseek":
        usage.prompt_cache_hit_tokens = numbers.cachedTokens;
        usage.prompt_cache_miss_tokens = numbers.promptTokens - numbers.cachedTokens;
        usage.prompt_tokens_details = { cached_tokens: numbers.cachedTokens };
        break;
      default:
        break;
    }
  }
  if (numbers.reasoningTokens > 0 && profile.cachedTokens !== "none" && profile.cachedTokens !== "llamacpp-timings") {
    usage.completion_tokens_details = { reasoning_tokens: numbers.reasoningTokens };
  }
  profile.decorateUsage(usage, numbers);
  return usage;
}
