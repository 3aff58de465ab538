import { defineGatewayProfile } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";
import { assistantToolTurnWithoutReasoning, forcesToolChoice } from "./reasoning-replay.js";

function moonshotError(status: number, message: string, type: string, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { error: { message, type } } };
}

/**
 * Moonshot (Kimi platform): bare `kimi-…` slugs, reasoning in `delta.reasoning_content`, usage
 * in `choices[0].usage` of the finish chunk with the cached count in top-level
 * `usage.cached_tokens`, Kimi `functions.NAME:N` tool-call ids, `prompt_cache_key` affinity,
 * `max_tokens` only, and "Your request exceeded model token limit : N" when prompt plus
 * `max_tokens` exceed the window. With thinking on it refuses forced `tool_choice` and assistant
 * tool-call turns sent back without `reasoning_content`; kimi-k2.5 refuses a temperature other
 * than 1.
 */
export const moonshotProfile = defineGatewayProfile({
  name: "moonshot",
  displayName: "Moonshot AI",
  models: [
    { slug: "kimi-k2-0905-preview", contextWindow: 262_144, maxOutputTokens: 32_768, family: "kimi" },
    { slug: "kimi-k2-turbo-preview", contextWindow: 262_144, maxOutputTokens: 32_768, family: "kimi" },
    { slug: "kimi-k2-thinking", contextWindow: 262_144, maxOutputTokens: 32_768, family: "kimi", reasoning: true },
    { slug: "kimi-k2.5", contextWindow: 262_144, maxOutputTokens: 32_768, family: "kimi", reasoning: true },
  ],
  affinity: [{ in: "body", name: "prompt_cache_key" }],
  reasoning: "reasoning_content",
  usagePlacement: "choice-usage",
  usageWithoutIncludeUsage: true,
  cachedTokens: "top-level",
  toolCallIds: "kimi-functions",
  maxTokensParam: "max_tokens",
  overflowCounts: "prompt-and-output",
  rejectRequest: (body, model) => {
    const thinking = model.reasoning === true && !(typeof body.thinking === "object" && body.thinking !== null && (body.thinking as Record<string, unknown>).type === "disabled");
    if (!thinking) return undefined;
    if (forcesToolChoice(body.tool_choice)) {
      return moonshotError(400, "tool_choice 'specified'/'required' is incompatible with thinking enabled", "invalid_request_error");
    }
    const missing = assistantToolTurnWithoutReasoning(body.messages);
    if (missing >= 0) {
      return moonshotError(400, `thinking is enabled but reasoning_content is missing in assistant tool call message at index ${missing}`, "invalid_request_error");
    }
    if (model.slug === "kimi-k2.5" && typeof body.temperature === "number" && body.temperature !== 1) {
      return moonshotError(400, "invalid temperature: only 1 is allowed for this model", "invalid_request_error");
    }
    return undefined;
  },
  errors: {
    unauthorized: () => moonshotError(401, "Invalid Authentication", "invalid_authentication_error"),
    unknownModel: (slug) => moonshotError(404, `Not found the model ${slug} or Permission denied`, "resource_not_found_error"),
    badRequest: (message) => moonshotError(400, message, "invalid_request_error"),
    overflow: (context) => moonshotError(400, `Your request exceeded model token limit : ${context.contextWindow}`, "invalid_request_error"),
    rateLimit: (context) =>
      moonshotError(429, context.message ?? "The engine is currently overloaded, please try again later", "rate_limit_error", retryHeaders(context)),
    serverError: (status, message) => moonshotError(status, message ?? "Internal server error", "server_error"),
  },
});
