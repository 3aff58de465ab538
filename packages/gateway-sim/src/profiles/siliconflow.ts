import { defineGatewayProfile } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";
import { openAiOverflowText } from "../overflow-texts.js";

/** SiliconFlow's error body: a numeric `code`, `message` and `data` at the top level (unverified). */
function siliconflowError(status: number, code: number, message: string, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { code, message, data: null } };
}

/**
 * SiliconFlow: Hugging Face style slugs, reasoning in `delta.reasoning_content` (thinking toggled
 * by `enable_thinking`), OpenAI-style cached tokens. Unverified: the error shape and numbers, the
 * rate-limit text and the vLLM-style overflow text.
 */
export const siliconflowProfile = defineGatewayProfile({
  name: "siliconflow",
  displayName: "SiliconFlow",
  models: [
    { slug: "moonshotai/Kimi-K2-Instruct-0905", contextWindow: 262_144, family: "kimi" },
    { slug: "Qwen/Qwen3-Coder-480B-A35B-Instruct", contextWindow: 262_144, family: "qwen" },
    { slug: "zai-org/GLM-4.6", contextWindow: 202_752, family: "glm", reasoning: true },
    { slug: "deepseek-ai/DeepSeek-V3.1", contextWindow: 163_840, family: "deepseek", reasoning: true },
    { slug: "MiniMaxAI/MiniMax-M2", contextWindow: 196_608, family: "minimax", reasoning: true },
  ],
  reasoning: "reasoning_content",
  overflowCounts: "prompt-and-output",
  errors: {
    unauthorized: () => siliconflowError(401, 20_001, "Invalid token"),
    unknownModel: () => siliconflowError(400, 20_012, "Model does not exist. Please check it carefully."),
    badRequest: (message) => siliconflowError(400, 20_015, message),
    overflow: (context) =>
      siliconflowError(
        400,
        20_015,
        openAiOverflowText(context),
      ),
    rateLimit: (context) =>
      siliconflowError(429, 50_603, context.message ?? "Request was rejected due to rate limiting. Details: TPM limit reached.", retryHeaders(context, 1)),
    serverError: (status, message) => siliconflowError(status, 50_000, message ?? "System is too busy now. Please try again later."),
  },
});
