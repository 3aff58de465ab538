import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import { flatError, retryHeaders } from "../openai-style-error.js";
import { sglangRequestedTokensText } from "../overflow-texts.js";

/**
 * SGLang server: Hugging Face repo ids as model names, one node with a radix prefix cache,
 * reasoning in `delta.reasoning_content` (with `--reasoning-parser`), cached tokens only with
 * `--enable-cache-report` (`reportsCachedTokens`), Kimi `functions.NAME:N` ids from its Kimi
 * tool parser, and "The input (N tokens) is longer than the model's context length (M tokens)."
 * or "Requested token count exceeds the model's maximum context length of M tokens. …" when a
 * completion length was asked for. Native endpoints: `GET /get_model_info` (the model path),
 * `GET /get_server_info` (`context_length` among the server arguments); `/v1/models` carries
 * `max_model_len`.
 */
export const sglangProfile = defineGatewayProfile({
  name: "sglang",
  displayName: "SGLang",
  models: [
    { slug: "Qwen/Qwen3-Coder-30B-A3B-Instruct", contextWindow: 131_072, trainedContextWindow: 262_144, family: "qwen" },
  ],
  nodes: 1,
  nodeNames: ["sglang"],
  cacheCapacityTokens: 400_000,
  cacheBlockTokens: 1,
  reportsCachedTokens: false,
  reasoning: "reasoning_content",
  overflowCounts: "prompt-and-output",
  completionId: (_sequence, random) => randomChars(32, random, "0123456789abcdef"),
  modelList: (models) => ({
    object: "list",
    data: models.map((model) => ({ id: model.slug, object: "model", created: 1_750_000_000, owned_by: "sglang", root: model.slug, max_model_len: model.contextWindow })),
  }),
  serverEndpoints: [
    {
      method: "GET",
      path: "get_model_info",
      respond: ({ models }) => ({
        status: 200,
        body: { model_path: models[0]?.slug ?? "", tokenizer_path: models[0]?.slug ?? "", is_generation: true, preferred_sampling_params: null, weight_version: "default" },
      }),
    },
    {
      method: "GET",
      path: "get_server_info",
      respond: ({ models }) => ({
        status: 200,
        body: { model_path: models[0]?.slug ?? "", context_length: models[0]?.contextWindow ?? null, tp_size: 1, max_total_num_tokens: 400_000, max_req_input_len: (models[0]?.contextWindow ?? 5) - 5, version: "0.5.4" },
      }),
    },
    { method: "GET", path: "health", respond: () => ({ status: 200, body: "" }) },
  ],
  errors: {
    unauthorized: () => ({ status: 401, body: { error: "Unauthorized" } }),
    unknownModel: (slug) => flatError(404, `The model \`${slug}\` does not exist.`, "NotFoundError"),
    badRequest: (message) => flatError(400, message, "BadRequestError"),
    overflow: (context) =>
      flatError(
        400,
        context.outputTokens > 0
          ? sglangRequestedTokensText(context)
          : `The input (${context.promptTokens} tokens) is longer than the model's context length (${context.contextWindow} tokens).`,
        "BadRequestError",
      ),
    rateLimit: (context) => flatError(429, context.message ?? "The server is busy. Please retry later.", "RateLimitError", retryHeaders(context)),
    serverError: (status, message) => flatError(status, message ?? "Internal server error", "InternalServerError"),
    streamError: (message, status) => ({ object: "error", message, type: "InternalServerError", param: null, code: status }),
  },
});
