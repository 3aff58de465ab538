import { defineGateway } from "@bridle/core";
import { classifyRateLimit, epochMillisecondsHeader } from "../classify-rate-limit.js";
import { ROUTER_ORGS } from "../slug-orgs.js";

/**
 * OpenRouter: lower-case `vendor/model` slugs (its own short names for some), reasoning in
 * `delta.reasoning` plus `reasoning_details[]`, usage on a final chunk that repeats
 * `finish_reason` (asked for with `usage: {include: true}` too), sticky routing by `session_id`,
 * the upstream's text under `error.metadata.raw`, `x-ratelimit-reset` in epoch milliseconds,
 * and OpenAI's 40-character limit on tool-call ids when an OpenAI upstream serves the request
 * ("Expected a string with maximum length 40", openclaw PR #875), so longer ids are shortened.
 */
export const openrouter = defineGateway({
  id: "openrouter",
  name: "OpenRouter",
  baseURL: "https://openrouter.ai/api/v1",
  apiKeyEnv: "OPENROUTER_API_KEY",
  slugs: {
    style: "lower",
    orgs: ROUTER_ORGS,
    rewrites: [
      [/^deepseek-v3$/, "deepseek-chat"],
      [/^deepseek-v3(-0324|\.1)$/, "deepseek-chat-v3$1"],
      [/^kimi-k2-instruct$/, "kimi-k2"],
      [/^kimi-k2-instruct-(\d{4})$/, "kimi-k2-$1"],
      [/^qwen3-coder-480b-a35b-instruct$/, "qwen3-coder"],
      [/^(qwen3-\d+b-a\d+b)-instruct-2507$/, "$1-2507"],
      [/^(llama-4-(?:scout|maverick))-.*$/, "$1"],
    ],
  },
  request: { body: { usage: { include: true } } },
  reasoning: { effort: { field: "reasoning.effort" }, toggle: { on: { reasoning: { enabled: true } }, off: { reasoning: { enabled: false } } } },
  overflow: { patterns: [/this endpoint'?s maximum context length is \d+ tokens/i] },
  errors: { authPatterns: [/user not found/i], retryablePatterns: [/no allowed providers are available/i, /provider returned error/i] },
  affinity: { bodyField: "session_id" },
  toolCallIds: { maxLength: 40 },
  hooks: { classifyError: (error) => classifyRateLimit(error, epochMillisecondsHeader("x-ratelimit-reset")) },
});
