import { defineGateway } from "@bridle/core";
import { KIMI_TOOL_CALL_IDS } from "../kimi-tool-call-ids.js";

/**
 * Moonshot (Kimi platform): bare `kimi-…` slugs (preview names for K2), `max_tokens`, reasoning
 * in `delta.reasoning_content`, usage in `choices[0].usage` with cached tokens at top-level
 * `usage.cached_tokens` (legacy) or in `prompt_tokens_details`, `prompt_cache_key` affinity,
 * Kimi's `functions.NAME:N` tool-call ids kept as they are (and given to calls that came from
 * another gateway, since the model copies the form it sees), no `strict`, "The engine is
 * currently overloaded" as its 429, "Your request exceeded model token limit : N" on overflow.
 */
export const moonshot = defineGateway({
  id: "moonshot",
  name: "Moonshot (Kimi)",
  baseURL: "https://api.moonshot.ai/v1",
  apiKeyEnv: "MOONSHOT_API_KEY",
  slugs: { style: "bare", fixed: { "kimi-k2-instruct": "kimi-k2-0711-preview", "kimi-k2-instruct-0905": "kimi-k2-0905-preview" } },
  request: { maxTokensField: "max_tokens" },
  reasoning: { toggle: { on: { thinking: { type: "enabled" } }, off: { thinking: { type: "disabled" } } } },
  response: { usagePaths: ["choices.0.usage"], cachedTokenPaths: ["cached_tokens"] },
  overflow: { patterns: [/exceeded model token limit/i, /input token length too long/i, /total message size \d+ exceeds limit/i] },
  errors: { rateLimitPatterns: [/engine is currently overloaded/i], authPatterns: [/invalid authentication/i] },
  capabilities: { strictTools: false },
  affinity: { bodyField: "prompt_cache_key" },
  toolCallIds: KIMI_TOOL_CALL_IDS,
});
