import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";

function vercelError(status: number, message: string, type: string, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { error: { message, type } } };
}

/**
 * Vercel AI Gateway (`/v1`, OpenAI compatible): `vendor/model` slugs with its own vendor names
 * (`alibaba/qwen3-coder`, `zai/glm-4.6`), tool arguments as deltas after an empty first one,
 * usage on a trailing chunk. Unverified: reasoning in `delta.reasoning` with
 * `reasoning_details[]`, the overflow text (here the upstream's, passed through), the error
 * types.
 */
export const vercelProfile = defineGatewayProfile({
  name: "vercel",
  displayName: "Vercel AI Gateway",
  models: [
    { slug: "moonshotai/kimi-k2-0905", contextWindow: 262_144, family: "kimi" },
    { slug: "alibaba/qwen3-coder", contextWindow: 262_144, family: "qwen" },
    { slug: "zai/glm-4.6", contextWindow: 202_752, family: "glm", reasoning: true },
    { slug: "deepseek/deepseek-v3.1", contextWindow: 163_840, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  nodes: 3,
  nodeNames: ["baseten", "groq", "fireworks"],
  reasoning: "reasoning",
  reasoningDetails: true,
  // OpenAI's limit, answered when an OpenAI upstream serves the request.
  toolCallIdMaxLength: 40,
  overflowCounts: "prompt-and-output",
  completionId: (_sequence, random) => `gen_${randomChars(26, random, "0123456789ABCDEFGHJKMNPQRSTVWXYZ")}`,
  errors: {
    unauthorized: () => vercelError(401, "Invalid API key. Check your AI_GATEWAY_API_KEY.", "authentication_error"),
    unknownModel: (slug) => vercelError(404, `Model '${slug}' not found`, "model_not_found"),
    badRequest: (message) => vercelError(400, message, "invalid_request_error"),
    overflow: (context) =>
      vercelError(400, `The input (${context.promptTokens} tokens) is longer than the model's context length (${context.contextWindow} tokens).`, "invalid_request_error"),
    rateLimit: (context) => vercelError(429, context.message ?? "Rate limit exceeded", "rate_limit_exceeded", retryHeaders(context, 1)),
    serverError: (status, message) => vercelError(status, message ?? "Upstream provider error", "internal_server_error"),
  },
});
