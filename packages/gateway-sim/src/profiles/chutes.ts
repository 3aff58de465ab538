import { defineGatewayProfile } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";
import { sglangRequestedTokensText } from "../overflow-texts.js";

/** Chutes answers most errors FastAPI style, `{"detail": "…"}` (unverified). */
function chutesError(status: number, detail: string, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { detail } };
}

/**
 * Chutes: Hugging Face style slugs, reasoning sent twice, in both `delta.reasoning_content` and
 * `delta.reasoning` with the same text, `max_tokens` only, no `developer` role and no `store`,
 * Kimi `functions.NAME:N` ids with arguments as deltas. Unverified: the `detail` error shape, the
 * refusal wording and the SGLang-style overflow text of its engines.
 */
export const chutesProfile = defineGatewayProfile({
  name: "chutes",
  displayName: "Chutes",
  models: [
    { slug: "moonshotai/Kimi-K2-Instruct-0905", contextWindow: 262_144, family: "kimi" },
    { slug: "moonshotai/Kimi-K2-Thinking", contextWindow: 262_144, family: "kimi", reasoning: true },
    { slug: "Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8", contextWindow: 262_144, family: "qwen" },
    { slug: "zai-org/GLM-4.6", contextWindow: 202_752, family: "glm", reasoning: true },
    { slug: "deepseek-ai/DeepSeek-V3.1", contextWindow: 163_840, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  reasoning: "both",
  maxTokensParam: "max_tokens",
  overflowCounts: "prompt-and-output",
  rejectRequest: (body) => {
    if (body.store !== undefined) return chutesError(400, "Invalid request: extra field 'store' not permitted");
    const messages = Array.isArray(body.messages) ? (body.messages as Array<Record<string, unknown> | null>) : [];
    const developer = messages.findIndex((message) => message?.role === "developer");
    return developer < 0 ? undefined : chutesError(400, `Invalid request: messages.${developer}.role 'developer' is not supported`);
  },
  errors: {
    unauthorized: () => chutesError(401, "Invalid token."),
    unknownModel: () => chutesError(404, "model not found"),
    badRequest: (message) => chutesError(400, message),
    overflow: (context) =>
      chutesError(
        400,
        sglangRequestedTokensText(context),
      ),
    rateLimit: (context) => chutesError(429, context.message ?? "Too many requests, please slow down.", retryHeaders(context, 1)),
    serverError: (status, message) => chutesError(status, message ?? "No instances available (yet) for this chute, please try again later."),
  },
});
