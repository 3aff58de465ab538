import { defineGatewayProfile } from "../define-gateway-profile.js";
import { openAiStyleError, retryHeaders } from "../openai-style-error.js";

/**
 * MiniMax (OpenAI-compatible API): `MiniMax-M2` slugs, reasoning inline in `content` as
 * `<think>…</think>`, `tool_choice` limited to `none` or `auto`, and
 * "invalid params, context window exceeds limit" on overflow.
 */
export const minimaxProfile = defineGatewayProfile({
  name: "minimax",
  displayName: "MiniMax",
  models: [
    { slug: "MiniMax-M2", contextWindow: 204_800, maxOutputTokens: 131_072, family: "minimax", reasoning: true },
    { slug: "MiniMax-M2.1", contextWindow: 204_800, maxOutputTokens: 131_072, family: "minimax", reasoning: true },
  ],
  reasoning: "think-tags",
  maxTokensParam: "max_tokens",
  rejectRequest: (body) => {
    const choice = body.tool_choice;
    if (choice === undefined || choice === "none" || choice === "auto") return undefined;
    return openAiStyleError(400, "invalid params, tool_choice must be one of: none, auto", "invalid_request_error", null, "tool_choice");
  },
  errors: {
    unauthorized: () => openAiStyleError(401, "login fail: Please carry the API secret key in the 'Authorization' field of the request header", "authentication_error"),
    unknownModel: (slug) => openAiStyleError(400, `invalid params, unknown model '${slug}'`, "invalid_request_error"),
    overflow: () => openAiStyleError(400, "invalid params, context window exceeds limit", "invalid_request_error"),
    rateLimit: (context) => openAiStyleError(429, context.message ?? "rate limit exceeded(RPM)", "rate_limit_error", null, null, retryHeaders(context)),
  },
});
