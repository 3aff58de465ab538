import type { GatewayErrorBodies, GatewayProfile, SimModel } from "./gateway-profile.js";
import { openAiStyleError, retryHeaders } from "./openai-style-error.js";
import { openAiOverflowText } from "./overflow-texts.js";

/** The fields a profile file must give; everything else falls back to OpenAI-like defaults. */
export type GatewayProfileDefinition = Pick<GatewayProfile, "name" | "displayName" | "models"> &
  Partial<Omit<GatewayProfile, "name" | "displayName" | "models" | "errors">> & {
    readonly errors?: Partial<GatewayErrorBodies>;
  };

const ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

/** OpenAI-shaped error bodies, used wherever a gateway's own wording is not known. */
export const defaultErrorBodies: GatewayErrorBodies = {
  unauthorized: () => openAiStyleError(401, "Incorrect API key provided.", "invalid_request_error", "invalid_api_key"),
  unknownModel: (slug) =>
    openAiStyleError(404, `The model \`${slug}\` does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found"),
  badRequest: (message, param) => openAiStyleError(400, message, "invalid_request_error", null, param ?? null),
  overflow: (context) =>
    openAiStyleError(
      400,
      openAiOverflowText(context),
      "invalid_request_error",
      "context_length_exceeded",
      "messages",
    ),
  rateLimit: (context) =>
    openAiStyleError(429, context.message ?? "Rate limit exceeded. Please try again later.", "rate_limit_error", "rate_limit_exceeded", null, retryHeaders(context, 1)),
  serverError: (status, message) =>
    openAiStyleError(status, message ?? (status === 503 ? "The server is overloaded or not ready yet." : "Internal server error"), "server_error"),
  streamError: (message, status) => ({ error: { message, type: "server_error", code: status } }),
};

/** Fills a profile definition with defaults: 4 nodes, 2M-token caches, OpenAI shapes. */
export function defineGatewayProfile(definition: GatewayProfileDefinition): GatewayProfile {
  const nodes = definition.nodes ?? 4;
  return {
    acceptsAnyModel: false,
    apiKey: `sim-${definition.name}-key`,
    nodes,
    nodeNames: Array.from({ length: nodes }, (_, index) => `${definition.name}-node-${index}`),
    cacheCapacityTokens: 2_000_000,
    cacheBlockTokens: 16,
    minCachedTokens: 0,
    reportsCachedTokens: true,
    affinity: [],
    reasoning: "reasoning_content",
    reasoningDetails: false,
    usagePlacement: "trailing-chunk",
    usageWithoutIncludeUsage: false,
    cachedTokens: "prompt-details",
    toolArguments: "deltas",
    toolStreamField: undefined,
    toolCallIds: "model-family",
    toolCallIdMaxLength: undefined,
    strictToolCalls: false,
    maxTokensParam: "either",
    overflowMode: "error",
    overflowCounts: "prompt",
    latency: { firstByteMs: 0, chunkMs: 0 },
    rejectRequest: () => undefined,
    decorateUsage: () => undefined,
    decorateChunk: () => undefined,
    decorateCompletion: () => undefined,
    responseHeaders: () => ({}),
    serverEndpoints: [],
    modelList: (models) => ({ object: "list", data: models.map((model) => listedModel(model, definition.name)) }),
    completionId: (_sequence, random) => `chatcmpl-${randomChars(24, random)}`,
    ...definition,
    errors: { ...defaultErrorBodies, ...definition.errors },
  };
}

/** An OpenAI-style `/v1/models` entry. */
export function listedModel(model: SimModel, ownedBy: string): Record<string, unknown> {
  return { id: model.slug, object: "model", created: 1_750_000_000, owned_by: ownedBy };
}

/** `length` characters from [A-Za-z0-9] drawn with `random`. */
export function randomChars(length: number, random: () => number, alphabet = ALPHANUMERIC): string {
  let text = "";
  for (let index = 0; index < length; index += 1) text += alphabet[Math.floor(random() * alphabet.length)] ?? "";
  return text;
}
