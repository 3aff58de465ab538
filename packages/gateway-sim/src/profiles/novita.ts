import { defineGatewayProfile } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";
import { openAiOverflowText } from "../overflow-texts.js";

/** Novita's error body: `code`, `reason`, `message`, `metadata` at the top level (unverified). */
function novitaError(status: number, reason: string, message: string, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { code: status, reason, message, metadata: {} } };
}

/**
 * Novita (`/openai/v1`): lower-case `org/name` slugs, `max_tokens` only, usage streamed when
 * asked, no `developer` role and no `store` (a pi extension's compat flags). Unverified: the
 * reasoning field (`reasoning_content`, as on the vLLM/SGLang engines behind it), the error shape
 * and the vLLM-style overflow text.
 */
export const novitaProfile = defineGatewayProfile({
  name: "novita",
  displayName: "Novita",
  models: [
    { slug: "moonshotai/kimi-k2.5", contextWindow: 262_144, family: "kimi", reasoning: true },
    { slug: "qwen/qwen3-coder-480b-a35b-instruct", contextWindow: 262_144, family: "qwen" },
    { slug: "zai-org/glm-4.6", contextWindow: 204_800, family: "glm", reasoning: true },
    { slug: "deepseek/deepseek-v3-0324", contextWindow: 163_840, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  reasoning: "reasoning_content",
  maxTokensParam: "max_tokens",
  overflowCounts: "prompt-and-output",
  rejectRequest: (body) => {
    if (body.store !== undefined) return novitaError(400, "INVALID_REQUEST_BODY", "unknown field: store");
    const messages = Array.isArray(body.messages) ? (body.messages as Array<Record<string, unknown> | null>) : [];
    const developer = messages.findIndex((message) => message?.role === "developer");
    return developer < 0 ? undefined : novitaError(400, "INVALID_REQUEST_BODY", `messages[${developer}].role: unsupported role developer`);
  },
  errors: {
    unauthorized: () => novitaError(401, "INVALID_API_KEY", "Invalid API key"),
    unknownModel: (slug) => novitaError(404, "MODEL_NOT_FOUND", `model not found: ${slug}`),
    badRequest: (message) => novitaError(400, "INVALID_REQUEST_BODY", message),
    overflow: (context) =>
      novitaError(
        400,
        "INVALID_REQUEST_BODY",
        openAiOverflowText(context),
      ),
    rateLimit: (context) => novitaError(429, "RATE_LIMIT_EXCEEDED", context.message ?? "rate limit exceeded, please retry later", retryHeaders(context, 1)),
    serverError: (status, message) => novitaError(status, "INTERNAL_ERROR", message ?? "internal server error"),
  },
});
