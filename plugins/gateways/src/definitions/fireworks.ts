import { defineGateway } from "@bridle/core";

/**
 * Fireworks: `accounts/fireworks/models/<name>` with version dots written `p`, `max_tokens`
 * (LiteLLM maps `max_completion_tokens` to it), a per-replica prefix cache reached through
 * `prompt_cache_key` and `x-session-affinity`, `context_length_exceeded_behavior: "error"` so a
 * long prompt is never cut silently, and "The prompt is too long: N, model maximum context
 * length: M" on overflow.
 */
export const fireworks = defineGateway({
  id: "fireworks",
  name: "Fireworks",
  baseURL: "https://api.fireworks.ai/inference/v1",
  apiKeyEnv: "FIREWORKS_API_KEY",
  apiKeyEnvAlternatives: ["FIREWORKS_AI_API_KEY"],
  slugs: { style: "bare", prefix: "accounts/fireworks/models/", dotAs: "p", rewrites: [[/^llama-(\d)/, "llama-v$1"]] },
  request: { maxTokensField: "max_tokens", body: { context_length_exceeded_behavior: "error" } },
  reasoning: { effort: { field: "reasoning_effort", values: { minimal: "low", xhigh: "high" } } },
  overflow: { patterns: [/prompt is too long/i] },
  affinity: { bodyField: "prompt_cache_key", header: "x-session-affinity" },
  unverified: ["slugs glm-4p6, deepseek-v3p1, qwen3-coder-480b-a35b-instruct, gpt-oss-120b"],
});
