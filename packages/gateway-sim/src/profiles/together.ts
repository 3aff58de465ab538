import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";

function togetherError(status: number, message: string, type: string, code: string | null, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { id: `o${status}sim`, error: { message, type, param: null, code } } };
}

/**
 * Together AI: Hugging Face style `Org/Name` slugs, `GET /v1/models` answered with a bare JSON
 * array (not `{data: [...]}`), reasoning in `delta.reasoning` (unverified), and the
 * "The input (N tokens) is longer than the model's context length (M tokens)." overflow text.
 */
export const togetherProfile = defineGatewayProfile({
  name: "together",
  displayName: "Together AI",
  models: [
    { slug: "moonshotai/Kimi-K2-Instruct-0905", contextWindow: 262_144, family: "kimi" },
    { slug: "Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8", contextWindow: 262_144, family: "qwen" },
    { slug: "zai-org/GLM-4.6", contextWindow: 202_752, family: "glm", reasoning: true },
    { slug: "deepseek-ai/DeepSeek-V3.1", contextWindow: 131_072, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  reasoning: "reasoning",
  completionId: (_sequence, random) => `o${randomChars(6, random)}-${randomChars(6, random)}-${randomChars(16, random, "0123456789abcdef")}`,
  modelList: (models) =>
    models.map((model) => ({
      id: model.slug,
      object: "model",
      created: 1_750_000_000,
      type: "chat",
      display_name: model.slug.split("/").pop() ?? model.slug,
      organization: model.slug.split("/")[0] ?? "",
      context_length: model.contextWindow,
    })),
  errors: {
    unauthorized: () =>
      togetherError(401, "Invalid API key provided. You can find your API key at https://api.together.xyz/settings/api-keys.", "invalid_request_error", "invalid_api_key"),
    unknownModel: (slug) =>
      togetherError(
        404,
        `Unable to access model ${slug}. Please visit https://api.together.xyz to see the list of supported models or contact the owner to request access.`,
        "invalid_request_error",
        "model_not_found",
      ),
    badRequest: (message) => togetherError(400, message, "invalid_request_error", null),
    overflow: (context) =>
      togetherError(
        400,
        `The input (${context.promptTokens} tokens) is longer than the model's context length (${context.contextWindow} tokens).`,
        "invalid_request_error",
        null,
      ),
    rateLimit: (context) =>
      togetherError(429, context.message ?? "You have exceeded your rate limit. Please retry after a short wait.", "rate_limit", "rate_limit_exceeded", {
        ...retryHeaders(context, 1),
        "x-ratelimit-limit": "60",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-reset": String(context.retryAfterSeconds ?? 1),
      }),
    serverError: (status, message) => togetherError(status, message ?? "Internal server error", "server_error", null),
  },
});
