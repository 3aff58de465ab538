import { defineGatewayProfile } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";

function fireworksError(status: number, message: string, code = "invalid_request_error", headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { error: { object: "error", type: "invalid_request_error", code, message } } };
}

/**
 * Fireworks: `accounts/fireworks/models/<name>` slugs with dots spelled `p`, a prefix cache per
 * replica reached through `x-multi-turn-session-id` (wins), `prompt_cache_key`,
 * `x-session-affinity` or `user`, `fireworks-prompt-tokens` / `fireworks-cached-prompt-tokens`
 * response headers, only `max_tokens` read, "The prompt is too long: N, model maximum context
 * length: M" on overflow, and a 404 body for unknown models that is not wrapped in `error`.
 */
export const fireworksProfile = defineGatewayProfile({
  name: "fireworks",
  displayName: "Fireworks",
  models: [
    { slug: "accounts/fireworks/models/kimi-k2-instruct-0905", contextWindow: 262_144, family: "kimi" },
    { slug: "accounts/fireworks/models/kimi-k2-thinking", contextWindow: 262_144, family: "kimi", reasoning: true },
    { slug: "accounts/fireworks/models/qwen3-coder-480b-a35b-instruct", contextWindow: 262_144, family: "qwen" },
    { slug: "accounts/fireworks/models/glm-4p6", contextWindow: 202_752, family: "glm", reasoning: true },
    { slug: "accounts/fireworks/models/deepseek-v3p1", contextWindow: 163_840, family: "deepseek" },
    { slug: "accounts/fireworks/models/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  affinity: [
    { in: "header", name: "x-multi-turn-session-id" },
    { in: "body", name: "prompt_cache_key" },
    { in: "header", name: "x-session-affinity" },
    { in: "body", name: "user" },
  ],
  reasoning: "reasoning_content",
  maxTokensParam: "max_tokens",
  responseHeaders: (context) => ({
    "fireworks-prompt-tokens": String(context.usage.promptTokens),
    "fireworks-cached-prompt-tokens": String(context.usage.cachedTokens),
  }),
  errors: {
    unauthorized: () => fireworksError(401, "The API key you provided is invalid.", "UNAUTHENTICATED"),
    unknownModel: () => ({
      status: 404,
      body: { message: "Model not found, inaccessible, and/or not deployed", param: "model", code: "NOT_FOUND", type: "error" },
    }),
    badRequest: (message) => fireworksError(400, message),
    overflow: (context) => fireworksError(400, `The prompt is too long: ${context.promptTokens}, model maximum context length: ${context.contextWindow}`),
    rateLimit: (context) =>
      fireworksError(429, context.message ?? "Request rate limit exceeded, please try again later.", "RATE_LIMITED", {
        ...retryHeaders(context, 1),
        "x-ratelimit-limit-requests": "600",
        "x-ratelimit-remaining-requests": "0",
        "x-ratelimit-over-limit": "yes",
      }),
    serverError: (status, message) => fireworksError(status, message ?? "Internal server error", "INTERNAL"),
  },
});
