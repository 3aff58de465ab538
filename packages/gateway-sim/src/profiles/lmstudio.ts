import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse, SimModel } from "../gateway-profile.js";

/** LM Studio answers errors with a bare string under `error` (unverified shape). */
function lmstudioError(status: number, message: string): GatewayErrorResponse {
  return { status, body: { error: message } };
}

function restModel(model: SimModel): Record<string, unknown> {
  const loaded = model.loaded !== false;
  return {
    id: model.slug,
    object: "model",
    type: "llm",
    publisher: model.slug.split("/")[0] ?? "lmstudio-community",
    arch: model.family === "gpt-oss" ? "gpt-oss" : "qwen3_moe",
    compatibility_type: "gguf",
    quantization: "Q4_K_M",
    state: loaded ? "loaded" : "not-loaded",
    max_context_length: model.trainedContextWindow ?? model.contextWindow,
    ...(loaded ? { loaded_context_length: model.contextWindow } : {}),
    capabilities: ["tool_use"],
  };
}

/**
 * LM Studio (`lms server`, `/v1`): lower-case `publisher/name` model keys, any key accepted, one
 * node, reasoning as `<think>` inside `content` unless "separate reasoning_content" is on
 * (`reasoning: "reasoning_content"`), no cached-token report, and "tokens to keep from the
 * initial prompt is greater than the context length" on overflow. A model runs with the context
 * length it was loaded with (`contextWindow`), smaller than `max_context_length` (the trained
 * window); `GET /api/v0/models` reports both, `loaded_context_length` only for loaded models, and
 * lists embedding models beside the LLMs.
 */
export const lmstudioProfile = defineGatewayProfile({
  name: "lmstudio",
  displayName: "LM Studio",
  models: [
    { slug: "qwen/qwen3-coder-30b", contextWindow: 32_768, trainedContextWindow: 262_144, family: "qwen" },
    { slug: "openai/gpt-oss-20b", contextWindow: 8_192, trainedContextWindow: 131_072, family: "gpt-oss", reasoning: true, loaded: false },
  ],
  apiKey: null,
  nodes: 1,
  nodeNames: ["lmstudio"],
  cacheCapacityTokens: 65_536,
  reportsCachedTokens: false,
  reasoning: "think-tags",
  cachedTokens: "none",
  toolCallIds: "call-random",
  completionId: (_sequence, random) => `chatcmpl-${randomChars(20, random, "abcdefghijklmnopqrstuvwxyz0123456789")}`,
  modelList: (models) => ({ object: "list", data: models.map((model) => ({ id: model.slug, object: "model", owned_by: "organization_owner" })) }),
  serverEndpoints: [
    {
      method: "GET",
      path: "api/v0/models",
      respond: ({ models }) => ({
        status: 200,
        body: {
          object: "list",
          data: [
            ...models.map(restModel),
            { id: "text-embedding-nomic-embed-text-v1.5", object: "model", type: "embeddings", publisher: "nomic-ai", arch: "nomic-bert", compatibility_type: "gguf", quantization: "Q4_K_M", state: "not-loaded", max_context_length: 2048 },
          ],
        },
      }),
    },
  ],
  errors: {
    unauthorized: () => lmstudioError(401, "Unauthorized"),
    unknownModel: (slug) => lmstudioError(404, `Model "${slug}" not found. Please load it first or check the model identifier.`),
    badRequest: (message) => lmstudioError(400, message),
    overflow: (context) =>
      lmstudioError(400, `The number of tokens to keep from the initial prompt is greater than the context length (n_keep: ${context.promptTokens} >= n_ctx: ${context.contextWindow}). Try to load the model with a larger context length, or provide a shorter input.`),
    rateLimit: (context) => lmstudioError(429, context.message ?? "Too many concurrent requests"),
    serverError: (status, message) => lmstudioError(status, message ?? "Model crashed"),
    streamError: (message) => ({ error: message }),
  },
});
