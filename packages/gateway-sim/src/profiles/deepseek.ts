import { defineGatewayProfile } from "../define-gateway-profile.js";
import { openAiStyleError, retryHeaders } from "../openai-style-error.js";
import { assistantToolTurnWithoutReasoning } from "./reasoning-replay.js";
import { openAiOverflowText } from "../overflow-texts.js";

/**
 * DeepSeek platform: `deepseek-chat` / `deepseek-reasoner`, reasoning in
 * `delta.reasoning_content`, cached tokens as `prompt_cache_hit_tokens` /
 * `prompt_cache_miss_tokens` (plus `prompt_tokens_details.cached_tokens`) in 64-token units on the
 * finish chunk (`usage: null` on the others),
 * `max_tokens` only, and the "This model's maximum context length is N tokens. However, you
 * requested X tokens (Y in the messages, Z in the completion)" overflow text. The reasoner
 * refuses assistant tool-call turns sent back without `reasoning_content`.
 */
export const deepseekProfile = defineGatewayProfile({
  name: "deepseek",
  displayName: "DeepSeek",
  models: [
    { slug: "deepseek-chat", contextWindow: 131_072, maxOutputTokens: 8_192, family: "deepseek" },
    { slug: "deepseek-reasoner", contextWindow: 131_072, maxOutputTokens: 65_536, family: "deepseek", reasoning: true },
    // The V4 names the moving aliases point at (third-party sightings).
    { slug: "deepseek-v4-flash", contextWindow: 131_072, maxOutputTokens: 65_536, family: "deepseek", reasoning: true },
    { slug: "deepseek-v4-pro", contextWindow: 131_072, maxOutputTokens: 65_536, family: "deepseek", reasoning: true },
  ],
  cacheBlockTokens: 64,
  reasoning: "reasoning_content",
  cachedTokens: "deepseek",
  // Recorded V4 traffic: `usage: null` on every chunk, the real usage on the finish chunk.
  usagePlacement: "finish-chunk",
  decorateChunk: (chunk, _context, position) => {
    if (position.usageSent && chunk.usage === undefined) chunk.usage = null;
  },
  maxTokensParam: "max_tokens",
  overflowCounts: "prompt-and-output",
  modelList: (models) => ({ object: "list", data: models.map((model) => ({ id: model.slug, object: "model", owned_by: "deepseek" })) }),
  rejectRequest: (body, model) => {
    if (model.reasoning !== true) return undefined;
    const missing = assistantToolTurnWithoutReasoning(body.messages);
    if (missing < 0) return undefined;
    return openAiStyleError(
      400,
      `Missing \`reasoning_content\` field in the assistant message at message index ${missing}. For more information, please refer to https://api-docs.deepseek.com/guides/thinking_mode#tool-calls`,
      "invalid_request_error",
      "invalid_request_error",
    );
  },
  errors: {
    unauthorized: (presentedKey) =>
      openAiStyleError(401, `Authentication Fails, Your api key: ****${(presentedKey ?? "").slice(-4)} is invalid`, "authentication_error", "invalid_request_error"),
    unknownModel: () => openAiStyleError(400, "Model Not Exist", "invalid_request_error", "invalid_request_error"),
    badRequest: (message) => openAiStyleError(400, message, "invalid_request_error", "invalid_request_error"),
    overflow: (context) =>
      openAiStyleError(
        400,
        openAiOverflowText(context),
        "invalid_request_error",
        "invalid_request_error",
      ),
    rateLimit: (context) => openAiStyleError(429, context.message ?? "Rate Limit Reached", "rate_limit_reached_error", "rate_limit_reached_error", null, retryHeaders(context)),
    serverError: (status, message) =>
      openAiStyleError(status, message ?? (status === 503 ? "Server overloaded, please try again later" : "Internal server error"), "server_error", "server_error"),
  },
});
