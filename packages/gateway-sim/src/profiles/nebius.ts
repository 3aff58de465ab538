import { defineGatewayProfile } from "../define-gateway-profile.js";
import { openAiStyleError, retryHeaders } from "../openai-style-error.js";
import { vllmOverflowText } from "../overflow-texts.js";

/**
 * Nebius AI Studio / Token Factory: Hugging Face style slugs and OpenAI-shaped answers. Nearly
 * everything here is unverified: the reasoning field (`reasoning_content`), the vLLM 0.11 style
 * overflow text, the error and rate-limit wording, the windows.
 */
export const nebiusProfile = defineGatewayProfile({
  name: "nebius",
  displayName: "Nebius Token Factory",
  models: [
    { slug: "moonshotai/Kimi-K2-Instruct", contextWindow: 131_072, family: "kimi" },
    { slug: "Qwen/Qwen3-Coder-480B-A35B-Instruct", contextWindow: 262_144, family: "qwen" },
    { slug: "zai-org/GLM-4.5", contextWindow: 131_072, family: "glm", reasoning: true },
    { slug: "deepseek-ai/DeepSeek-V3-0324", contextWindow: 163_840, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  reasoning: "reasoning_content",
  overflowCounts: "prompt-and-output",
  errors: {
    overflow: (context) =>
      openAiStyleError(
        400,
        vllmOverflowText(context),
        "BadRequestError",
        400,
      ),
    rateLimit: (context) => openAiStyleError(429, context.message ?? "Rate limit exceeded", "rate_limit_error", 429, null, retryHeaders(context, 1)),
  },
});
