import { defineGatewayProfile } from "../define-gateway-profile.js";
import { openAiStyleError } from "../openai-style-error.js";

/**
 * DeepInfra: Hugging Face style slugs, reasoning in `delta.reasoning_content` (unverified), and
 * a usage quirk: `completion_tokens` leaves out the reasoning tokens that
 * `completion_tokens_details.reasoning_tokens` reports. Overflow uses the vLLM-style
 * "maximum context length is N tokens" wording (unverified).
 */
export const deepinfraProfile = defineGatewayProfile({
  name: "deepinfra",
  displayName: "DeepInfra",
  models: [
    { slug: "moonshotai/Kimi-K2-Instruct-0905", contextWindow: 262_144, family: "kimi" },
    { slug: "Qwen/Qwen3-Coder-480B-A35B-Instruct", contextWindow: 262_144, family: "qwen" },
    { slug: "zai-org/GLM-4.6", contextWindow: 202_752, family: "glm", reasoning: true },
    { slug: "deepseek-ai/DeepSeek-V3.1", contextWindow: 163_840, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  reasoning: "reasoning_content",
  overflowCounts: "prompt-and-output",
  decorateUsage: (usage, numbers) => {
    usage.completion_tokens = Math.max(0, numbers.completionTokens - numbers.reasoningTokens);
    usage.total_tokens = numbers.promptTokens + (usage.completion_tokens as number);
    usage.completion_tokens_details = { reasoning_tokens: numbers.reasoningTokens };
    usage.estimated_cost = 0;
  },
  errors: {
    unauthorized: () => openAiStyleError(401, "Not authenticated", "invalid_request_error"),
    unknownModel: (slug) => openAiStyleError(404, `The model \`${slug}\` does not exist`, "invalid_request_error", "model_not_found"),
    rateLimit: (context) => openAiStyleError(429, context.message ?? "Model busy, retry later", "rate_limit_error", null, null, {}),
  },
});
