import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import { openAiStyleError } from "../openai-style-error.js";

/**
 * Ollama (`/v1`): `name:tag` slugs, no key check, one node, reasoning in `delta.reasoning`, whole
 * tool calls in one chunk, no cached-token report, and silent truncation by default: an
 * over-long prompt is cut to the window and still answered with 200 (`prompt_tokens` shows the
 * cut). `overflowMode: "error"` gives "prompt too long; exceeded max context length by N tokens".
 */
export const ollamaProfile = defineGatewayProfile({
  name: "ollama",
  displayName: "Ollama",
  models: [
    { slug: "gpt-oss:120b", contextWindow: 32_768, family: "gpt-oss", reasoning: true },
    { slug: "gpt-oss:20b", contextWindow: 32_768, family: "gpt-oss", reasoning: true },
    { slug: "qwen3-coder:30b", contextWindow: 32_768, family: "qwen" },
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
