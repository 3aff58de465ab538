import { defineGatewayProfile } from "../define-gateway-profile.js";
import { openAiStyleError, retryHeaders } from "../openai-style-error.js";
import { vllmOverflowText } from "../overflow-texts.js";

/**
 * Baseten Model APIs: Hugging Face style slugs, reasoning in `delta.reasoning` (thinking toggled
 * by `chat_template_args.enable_thinking`), OpenAI-shaped errors. Unverified: the overflow
 * wording (here vLLM 0.10's "'max_tokens' or 'max_completion_tokens' is too large"), the
 * rate-limit text and the windows.
 */
export const basetenProfile = defineGatewayProfile({
  name: "baseten",
  displayName: "Baseten",
  models: [
    { slug: "moonshotai/Kimi-K2-Instruct-0905", contextWindow: 262_144, family: "kimi" },
    { slug: "moonshotai/Kimi-K2-Thinking", contextWindow: 262_144, family: "kimi", reasoning: true },
    { slug: "Qwen/Qwen3-Coder-480B-A35B-Instruct", contextWindow: 262_144, family: "qwen" },
    { slug: "zai-org/GLM-4.6", contextWindow: 202_752, family: "glm", reasoning: true },
    { slug: "deepseek-ai/DeepSeek-V3.1", contextWindow: 163_840, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  reasoning: "reasoning",
  overflowCounts: "prompt-and-output",
  errors: {
    unauthorized: () => openAiStyleError(401, "Invalid API key", "authentication_error", "invalid_api_key"),
    overflow: (context) =>
      openAiStyleError(
        400,
        context.outputTokens > 0
          ? `'max_tokens' or 'max_completion_tokens' is too large: ${context.outputTokens}. This model's maximum context length is ${context.contextWindow} tokens and your request has ${context.promptTokens} input tokens (${context.outputTokens} > ${context.contextWindow} - ${context.promptTokens}).`
          : vllmOverflowText(context),
        "BadRequestError",
        400,
      ),
    rateLimit: (context) => openAiStyleError(429, context.message ?? "Rate limit exceeded for this model", "rate_limit_error", "rate_limit_exceeded", null, retryHeaders(context, 1)),
  },
});
