import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";
import { vllmOverflowText } from "../overflow-texts.js";

function vllmError(status: number, message: string, type: string, param: string | null = null, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { error: { message, type, param, code: status } } };
}

/**
 * vLLM OpenAI server: Hugging Face repo ids as model names, one node with 16-token blocks,
 * reasoning in `delta.reasoning` (the post-2025 field name), `prompt_tokens_details: null` unless
 * started with `--enable-prompt-tokens-details` (`reportsCachedTokens: true`), `{"error":
 * "Unauthorized"}` on a wrong key, and the v0.11+ overflow text counting prompt plus
 * `max_tokens`.
 */
export const vllmProfile = defineGatewayProfile({
  name: "vllm",
  displayName: "vLLM",
  models: [
    { slug: "Qwen/Qwen3-Coder-30B-A3B-Instruct", contextWindow: 262_144, family: "qwen" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
    { slug: "moonshotai/Kimi-K2-Instruct-0905", contextWindow: 262_144, family: "kimi" },
  ],
  nodes: 1,
  nodeNames: ["vllm"],
  cacheCapacityTokens: 500_000,
  reportsCachedTokens: false,
  reasoning: "reasoning",
  overflowCounts: "prompt-and-output",
  completionId: (_sequence, random) => `chatcmpl-${randomChars(32, random, "0123456789abcdef")}`,
  modelList: (models) => ({
    object: "list",
    data: models.map((model) => ({
      id: model.slug,
      object: "model",
      created: 1_750_000_000,
      owned_by: "vllm",
      root: model.slug,
      parent: null,
      max_model_len: model.contextWindow,
    })),
  }),
  errors: {
    unauthorized: () => ({ status: 401, body: { error: "Unauthorized" } }),
    unknownModel: (slug) => vllmError(404, `The model \`${slug}\` does not exist.`, "NotFoundError", "model"),
    badRequest: (message, param) => vllmError(400, message, "BadRequestError", param ?? null),
    overflow: (context) =>
      vllmError(
        400,
        vllmOverflowText(context),
        "BadRequestError",
      ),
    rateLimit: (context) => vllmError(429, context.message ?? "Too many requests", "RateLimitError", null, retryHeaders(context)),
    serverError: (status, message) => vllmError(status, message ?? "Internal server error", status === 503 ? "ServiceUnavailableError" : "InternalServerError"),
    streamError: (message, status) => ({ error: { message, type: "InternalServerError", param: null, code: status } }),
  },
});
