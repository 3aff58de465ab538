import { defineGateway } from "@bridle/core";
import { classifyRateLimit, durationHeader } from "../classify-rate-limit.js";

/**
 * Cerebras: bare slugs of its own (`qwen-3-coder-480b`, `zai-glm-4.6`), `max_completion_tokens`,
 * reasoning in `delta.reasoning` and taken back only as `reasoning`, no `store`, no `developer`
 * role, `prompt_cache_key` affinity, and an overflow that is a 400 (or 413) with no body at all;
 * token-rate 429s have no body either, with `x-ratelimit-reset-tokens-minute` in seconds.
 */
export const cerebras = defineGateway({
  id: "cerebras",
  name: "Cerebras",
  baseURL: "https://api.cerebras.ai/v1",
  apiKeyEnv: "CEREBRAS_API_KEY",
  slugs: {
    style: "bare",
    rewrites: [
      [/^qwen(\d)/, "qwen-$1"],
      [/^glm-/, "zai-glm-"],
      [/^(llama-\d\.\d-\d+b)-instruct$/, "$1"],
      [/^qwen-3-coder-480b-a35b-instruct$/, "qwen-3-coder-480b"],
    ],
  },
  request: { maxTokensField: "max_completion_tokens", drop: ["store"] },
  reasoning: { effort: { field: "reasoning_effort" }, replayField: "reasoning" },
  overflow: { patterns: [/current length is \d+ while limit is \d+/i], bodilessStatuses: [400, 413] },
  capabilities: { developerRole: false },
  affinity: { bodyField: "prompt_cache_key" },
  hooks: { classifyError: (error) => classifyRateLimit(error, durationHeader("x-ratelimit-reset-tokens-minute", "x-ratelimit-reset-requests-day")) },
  unverified: ["x-ratelimit-reset-tokens-minute in seconds"],
});
