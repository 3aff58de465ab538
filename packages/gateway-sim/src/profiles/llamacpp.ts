import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";

function llamaError(status: number, message: string, type: string, extra: Record<string, unknown> = {}, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { error: { code: status, message, type, ...extra } } };
}

/**
 * llama.cpp `llama-server`: the model name is ignored (any slug reaches its one model), one
 * node, reasoning in `delta.reasoning_content`, 32-character random tool-call ids, arguments as
 * deltas, no `prompt_tokens_details` but `timings.cache_n` beside the usage (on the finish chunk
 * when no usage is streamed) and in the completion,
 * and `exceed_context_size_error` with `n_prompt_tokens` / `n_ctx` on overflow. `GET /props`
 * reports the window the server runs with (`default_generation_settings.n_ctx`, per slot);
 * `/v1/models` only the trained one (`meta.n_ctx_train`).
 */
export const llamacppProfile = defineGatewayProfile({
  name: "llamacpp",
  displayName: "llama.cpp server",
  models: [{ slug: "gpt-oss-20b", contextWindow: 65_536, trainedContextWindow: 131_072, family: "gpt-oss", reasoning: true }],
  acceptsAnyModel: true,
  nodes: 1,
  nodeNames: ["llama-server"],
  cacheCapacityTokens: 65_536,
  reasoning: "reasoning_content",
  cachedTokens: "llamacpp-timings",
  toolCallIds: "llamacpp-random",
  completionId: (_sequence, random) => `chatcmpl-${randomChars(32, random)}`,
  decorateChunk: (chunk, context, position) => {
    // Recorded traffic (b6865) carries timings on the trailing usage chunk, not the finish chunk.
    if (chunk.usage !== undefined || (position.finish && !position.usageSent)) {
      chunk.timings = llamaTimings(context.usage.promptTokens, context.usage.cachedTokens, context.usage.completionTokens);
    }
  },
  decorateCompletion: (completion, context) => {
    completion.timings = llamaTimings(context.usage.promptTokens, context.usage.cachedTokens, context.usage.completionTokens);
  },
  serverEndpoints: [
    {
      method: "GET",
      path: "props",
      respond: ({ models }) => ({
        status: 200,
        body: {
          default_generation_settings: { id: 0, id_task: -1, n_ctx: models[0]?.contextWindow ?? 4096, speculative: false, is_processing: false, params: { n_predict: -1, temperature: 0.8 } },
          total_slots: 1,
          model_path: `/models/${models[0]?.slug ?? "model"}.gguf`,
          modalities: { vision: false, audio: false },
          chat_template: "{{ messages }}",
          build_info: "b7010-sim",
        },
      }),
    },
    { method: "GET", path: "health", respond: () => ({ status: 200, body: { status: "ok" } }) },
  ],
  modelList: (models) => ({
    object: "list",
    data: models.map((model) => ({
      id: model.slug,
      object: "model",
      created: 1_750_000_000,
      owned_by: "llamacpp",
      meta: { n_ctx_train: model.trainedContextWindow ?? model.contextWindow, n_vocab: 201_088 },
    })),
    models: models.map((model) => ({ name: model.slug, model: model.slug, type: "model" })),
  }),
  errors: {
    unauthorized: () => llamaError(401, "Invalid API Key", "authentication_error"),
    unknownModel: (slug) => llamaError(404, `model not found: ${slug}`, "not_found_error"),
    badRequest: (message) => llamaError(400, message, "invalid_request_error"),
    overflow: (context) =>
      llamaError(400, `request (${context.promptTokens} tokens) exceeds the available context size (${context.contextWindow} tokens)`, "exceed_context_size_error", {
        n_prompt_tokens: context.promptTokens,
        n_ctx: context.contextWindow,
      }),
    rateLimit: (context) => llamaError(429, context.message ?? "too many requests", "rate_limit_error", {}, retryHeaders(context)),
    serverError: (status, message) =>
      status === 503 ? llamaError(503, message ?? "Loading model", "unavailable_error") : llamaError(status, message ?? "Internal server error", "server_error"),
    streamError: (message, status) => ({ error: { code: status, message, type: "server_error" } }),
  },
});

function llamaTimings(promptTokens: number, cachedTokens: number, completionTokens: number): Record<string, number> {
  const promptN = promptTokens - cachedTokens;
  return {
    cache_n: cachedTokens,
    prompt_n: promptN,
    prompt_ms: promptN * 0.1,
    prompt_per_token_ms: 0.1,
    prompt_per_second: 10_000,
    predicted_n: completionTokens,
    predicted_ms: completionTokens * 10,
    predicted_per_token_ms: 10,
    predicted_per_second: 100,
  };
}
