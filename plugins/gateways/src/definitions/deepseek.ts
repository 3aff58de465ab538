import { defineGateway } from "@bridle/core";

/**
 * DeepSeek platform: `deepseek-chat` / `deepseek-reasoner` (and V4 names), `max_tokens`,
 * reasoning in `delta.reasoning_content` that must come back on assistant tool-call turns,
 * cached tokens as `prompt_cache_hit_tokens`, no `developer` role and no `store`, the OpenAI
 * "maximum context length is N tokens" overflow text.
 */
export const deepseek = defineGateway({
  id: "deepseek",
  name: "DeepSeek",
  baseURL: "https://api.deepseek.com/v1",
  apiKeyEnv: "DEEPSEEK_API_KEY",
  slugs: { style: "bare" },
  request: { maxTokensField: "max_tokens", drop: ["store"] },
  reasoning: { effort: { field: "reasoning_effort", values: { low: "high", medium: "high" } }, toggle: { on: { thinking: { type: "enabled" } }, off: { thinking: { type: "disabled" } } } },
  response: { cachedTokenPaths: ["prompt_cache_hit_tokens"] },
  capabilities: { developerRole: false },
  unverified: ["429 wording"],
});
