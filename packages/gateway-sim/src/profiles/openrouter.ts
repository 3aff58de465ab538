import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse, RateLimitContext } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";

function openRouterError(status: number, message: string, metadata?: Record<string, unknown>, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { error: { message, code: status, ...(metadata === undefined ? {} : { metadata }) } } };
}

function rateLimitHeaders(context: RateLimitContext): Record<string, string> {
  const waitMs = context.retryAfterMs ?? (context.retryAfterSeconds ?? 1) * 1000;
  return {
    ...retryHeaders(context, 1),
    "x-ratelimit-limit": "20",
    "x-ratelimit-remaining": "0",
    "x-ratelimit-reset": String(Date.now() + waitMs),
  };
}

/**
 * OpenRouter: `org/model` slugs, reasoning in `delta.reasoning` plus `reasoning_details[]`, the
 * serving upstream named in every chunk's `provider` field (one upstream per node), usage always
 * sent on a final chunk that repeats `finish_reason`, sticky routing by `session_id` (body) or
 * `x-session-id` (header), and the "This endpoint's maximum context length" overflow text.
 */
export const openrouterProfile = defineGatewayProfile({
  name: "openrouter",
  displayName: "OpenRouter",
  models: [
    { slug: "moonshotai/kimi-k2-0905", contextWindow: 262_144, maxOutputTokens: 16_384, family: "kimi" },
    { slug: "moonshotai/kimi-k2-thinking", contextWindow: 262_144, maxOutputTokens: 16_384, family: "kimi", reasoning: true },
    { slug: "qwen/qwen3-coder", contextWindow: 262_144, maxOutputTokens: 65_536, family: "qwen" },
    { slug: "z-ai/glm-4.6", contextWindow: 202_752, maxOutputTokens: 65_536, family: "glm", reasoning: true },
    { slug: "deepseek/deepseek-chat-v3.1", contextWindow: 163_840, maxOutputTokens: 32_768, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, maxOutputTokens: 32_768, family: "gpt-oss", reasoning: true },
    { slug: "minimax/minimax-m2", contextWindow: 204_800, maxOutputTokens: 65_536, family: "minimax", reasoning: true },
  ],
  nodes: 4,
  nodeNames: ["Chutes", "DeepInfra", "Together", "Fireworks"],
  affinity: [
    { in: "body", name: "session_id" },
    { in: "header", name: "x-session-id" },
  ],
  reasoning: "reasoning",
  reasoningDetails: true,
  // OpenAI's limit, answered when an OpenAI upstream serves the request.
  toolCallIdMaxLength: 40,
  usagePlacement: "repeat-finish-chunk",
  usageWithoutIncludeUsage: true,
  overflowCounts: "prompt-and-output",
  completionId: (_sequence, random) => `gen-${Math.floor(Date.now() / 1000)}-${randomChars(20, random)}`,
  decorateChunk: (chunk, context) => {
    chunk.provider = context.nodeName;
  },
  decorateCompletion: (completion, context) => {
    completion.provider = context.nodeName;
  },
  decorateUsage: (usage, numbers) => {
    usage.cost = 0;
    usage.is_byok = false;
    usage.prompt_tokens_details = { cached_tokens: numbers.cachedTokens, cache_write_tokens: 0, audio_tokens: 0 };
    usage.completion_tokens_details = { reasoning_tokens: numbers.reasoningTokens, image_tokens: 0 };
  },
  modelList: (models) => ({
    data: models.map((model) => ({
      id: model.slug,
      canonical_slug: model.slug,
      name: model.slug,
      created: 1_750_000_000,
      context_length: model.contextWindow,
      top_provider: { context_length: model.contextWindow, max_completion_tokens: model.maxOutputTokens ?? null, is_moderated: false },
      supported_parameters: ["max_tokens", "tools", "tool_choice", "reasoning", "include_reasoning", "stop", "temperature"],
    })),
  }),
  errors: {
    unauthorized: () => openRouterError(401, "User not found."),
    unknownModel: (slug) => openRouterError(400, `${slug} is not a valid model ID`),
    badRequest: (message) => openRouterError(400, message),
    overflow: (context) =>
      openRouterError(
        400,
        `This endpoint's maximum context length is ${context.contextWindow} tokens. However, you requested about ${context.promptTokens + context.outputTokens} tokens (${context.promptTokens} of text input, ${context.outputTokens} in the output). Please reduce the length of either one, or use the "middle-out" transform to compress your prompt automatically.`,
      ),
    rateLimit: (context) =>
      openRouterError(429, context.message ?? "Rate limit exceeded: limit_rpm/upstream", { provider_name: null }, rateLimitHeaders(context)),
    serverError: (status, message) =>
      status === 503
        ? openRouterError(503, message ?? "No allowed providers are available for the selected model.")
        : openRouterError(status, message ?? "Provider returned error", { raw: "upstream connect error", provider_name: "Chutes" }),
    streamError: (message, status) => ({
      id: "gen-error",
      object: "chat.completion.chunk",
      created: Math.floor(Date.now() / 1000),
      error: { code: status, message },
      choices: [{ index: 0, delta: { content: "" }, finish_reason: "error", native_finish_reason: "error" }],
    }),
  },
});
