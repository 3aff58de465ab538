import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse, SimModel } from "../gateway-profile.js";
import { openAiStyleError } from "../openai-style-error.js";

const ARCHITECTURE: Record<string, string> = { "gpt-oss": "gptoss", qwen: "qwen3moe", kimi: "deepseek2", glm: "glm4moe", deepseek: "deepseek2", llama: "llama" };

function architecture(model: SimModel): string {
  return ARCHITECTURE[model.family ?? "other"] ?? "llama";
}

function details(model: SimModel): Record<string, unknown> {
  const family = architecture(model);
  return { parent_model: "", format: "gguf", family, families: [family], parameter_size: model.slug.split(":")[1]?.toUpperCase() ?? "", quantization_level: "Q4_K_M" };
}

function tagEntry(model: SimModel): Record<string, unknown> {
  return { name: model.slug, model: model.slug, modified_at: "2026-01-05T10:00:00.000000000Z", size: 13_000_000_000, digest: "a".repeat(64), details: details(model) };
}

/** `POST /api/show`: the trained window under `<arch>.context_length`; a Modelfile `num_ctx` only when the model runs with one. */
function show(models: readonly SimModel[], body: unknown): GatewayErrorResponse {
  const name = typeof body === "object" && body !== null ? ((body as Record<string, unknown>).model ?? (body as Record<string, unknown>).name) : undefined;
  const model = models.find((candidate) => candidate.slug === name || candidate.slug === `${String(name)}:latest`);
  if (model === undefined) return { status: 404, body: { error: `model '${String(name)}' not found` } };
  const arch = architecture(model);
  return {
    status: 200,
    body: {
      license: "",
      modelfile: `FROM /root/.ollama/models/blobs/sha256-${"a".repeat(64)}\n`,
      parameters: 'stop                           "<|im_end|>"\ntemperature                    0.7',
      template: "{{ .Prompt }}",
      details: details(model),
      model_info: { "general.architecture": arch, "general.parameter_count": 30_532_122_624, [`${arch}.context_length`]: model.trainedContextWindow ?? model.contextWindow },
      capabilities: model.reasoning === true ? ["completion", "tools", "thinking"] : ["completion", "tools"],
      modified_at: "2026-01-05T10:00:00.000000000Z",
    },
  };
}

/**
 * Ollama (`/v1`): `name:tag` slugs, no key check, one node, reasoning in `delta.reasoning`, whole
 * tool calls in one chunk, no cached-token report, and silent truncation by default: an
 * over-long prompt is cut to the window and still answered with 200 (`prompt_tokens` shows the
 * cut). `overflowMode: "error"` gives "prompt too long; exceeded max context length by N tokens".
 * A model's `contextWindow` is the window the server runs it with (`num_ctx`; `/v1` ignores a
 * request's `options.num_ctx`), `trainedContextWindow` what `/api/show` reports. Native
 * endpoints: `GET /api/tags` (pulled models), `POST /api/show`, `GET /api/ps` (loaded models with
 * their running `context_length`).
 */
export const ollamaProfile = defineGatewayProfile({
  name: "ollama",
  displayName: "Ollama",
  models: [
    { slug: "gpt-oss:120b", contextWindow: 32_768, trainedContextWindow: 131_072, family: "gpt-oss", reasoning: true },
    { slug: "gpt-oss:20b", contextWindow: 32_768, trainedContextWindow: 131_072, family: "gpt-oss", reasoning: true },
    { slug: "qwen3-coder:30b", contextWindow: 32_768, trainedContextWindow: 262_144, family: "qwen" },
    { slug: "kimi-k2.6:cloud", contextWindow: 262_144, family: "kimi", reasoning: true },
  ],
  apiKey: null,
  nodes: 1,
  nodeNames: ["ollama"],
  cacheCapacityTokens: 131_072,
  reportsCachedTokens: false,
  reasoning: "reasoning",
  cachedTokens: "none",
  toolArguments: "whole",
  toolCallIds: "call-random",
  overflowMode: "truncate",
  completionId: (_sequence, random) => `chatcmpl-${randomChars(3, random, "0123456789")}`,
  serverEndpoints: [
    { method: "GET", path: "api/tags", respond: ({ models }) => ({ status: 200, body: { models: models.map(tagEntry) } }) },
    { method: "POST", path: "api/show", respond: ({ models, body }) => show(models, body) },
    {
      method: "GET",
      path: "api/ps",
      respond: ({ models }) => ({
        status: 200,
        body: {
          models: models
            .filter((model) => model.loaded !== false)
            .map((model) => ({ ...tagEntry(model), expires_at: "2026-01-05T10:05:00.000000000Z", size_vram: 13_000_000_000, context_length: model.contextWindow })),
        },
      }),
    },
    { method: "GET", path: "api/version", respond: () => ({ status: 200, body: { version: "0.13.0" } }) },
  ],
  modelList: (models) => ({ object: "list", data: models.map((model) => ({ id: model.slug, object: "model", created: 1_750_000_000, owned_by: "library" })) }),
  errors: {
    unauthorized: () => openAiStyleError(401, "unauthorized", "api_error"),
    unknownModel: (slug) => openAiStyleError(404, `model "${slug}" not found, try pulling it first`, "api_error"),
    badRequest: (message) => openAiStyleError(400, message, "invalid_request_error"),
    overflow: (context) =>
      openAiStyleError(400, `prompt too long; exceeded max context length by ${Math.max(1, context.promptTokens - context.contextWindow)} tokens`, "api_error"),
    rateLimit: (context) => openAiStyleError(429, context.message ?? "server busy, please try again.  maximum pending requests exceeded", "api_error"),
    serverError: (status, message) => openAiStyleError(status, message ?? "llama runner process has terminated", "api_error"),
  },
});
