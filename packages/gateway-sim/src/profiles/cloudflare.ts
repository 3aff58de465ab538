import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";

/** The Cloudflare API envelope: `errors[]` with numeric codes, `success: false`. */
function cloudflareError(status: number, code: number, message: string, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { errors: [{ message, code }], success: false, result: null, messages: [] } };
}

/**
 * Cloudflare Workers AI (`/accounts/{id}/ai/v1`): `@cf/org/model` slugs, prefix caching reached
 * through the `x-session-affinity` header, cached tokens in `prompt_tokens_details`, and the
 * Cloudflare API error envelope (`{"errors":[{"message","code"}],"success":false}`) that has no
 * `error` key. Unverified: the overflow text ("AiError: … exceeded this model context window
 * limit", code 5021, as seen in third-party reports), the 3040 capacity 429, the reasoning field,
 * the windows.
 */
export const cloudflareProfile = defineGatewayProfile({
  name: "cloudflare",
  displayName: "Cloudflare Workers AI",
  models: [
    { slug: "@cf/openai/gpt-oss-120b", contextWindow: 128_000, family: "gpt-oss", reasoning: true },
    { slug: "@cf/moonshotai/kimi-k2.5", contextWindow: 256_000, family: "kimi" },
    { slug: "@cf/qwen/qwen2.5-coder-32b-instruct", contextWindow: 32_768, family: "qwen" },
  ],
  affinity: [{ in: "header", name: "x-session-affinity" }],
  reasoning: "reasoning_content",
  overflowCounts: "prompt-and-output",
  completionId: (_sequence, random) => `id-${Date.now()}${randomChars(6, random, "0123456789")}`,
  errors: {
    unauthorized: () => cloudflareError(401, 10_000, "Authentication error"),
    unknownModel: (slug) => cloudflareError(400, 5007, `AiError: No such model ${slug} or task`),
    badRequest: (message) => cloudflareError(400, 5006, `AiError: ${message}`),
    overflow: (context) =>
      cloudflareError(
        400,
        5021,
        `AiError: AiError: The estimated number of input and maximum output tokens (${context.promptTokens + context.outputTokens}) exceeded this model context window limit (${context.contextWindow}).`,
      ),
    rateLimit: (context) => cloudflareError(429, 3040, context.message ?? "Capacity temporarily exceeded, please try again.", retryHeaders(context, 1)),
    serverError: (status, message) => cloudflareError(status, 3043, message ?? "Internal server error"),
    streamError: (message) => ({ errors: [{ message, code: 3043 }] }),
  },
});
