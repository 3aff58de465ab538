import { defineGatewayProfile } from "../define-gateway-profile.js";
import { openAiStyleError, retryHeaders } from "../openai-style-error.js";

/**
 * Hugging Face Inference Providers router (`router.huggingface.co/v1`): Hugging Face repo ids,
 * optionally with `:provider` to pick the upstream (`…:groq`), Kimi `functions.NAME:N` ids, and
 * the upstream's behaviour passed through: here Groq's, whole tool arguments in one chunk and
 * reasoning in `delta.reasoning` (the recorded `:groq` traffic). Unverified: error wording, the
 * overflow text (Groq's, passed through) and the windows.
 */
export const huggingfaceProfile = defineGatewayProfile({
  name: "huggingface",
  displayName: "Hugging Face",
  models: [
    { slug: "moonshotai/Kimi-K2-Instruct-0905", contextWindow: 262_144, family: "kimi" },
    { slug: "moonshotai/Kimi-K2-Instruct-0905:groq", contextWindow: 262_144, family: "kimi" },
    { slug: "Qwen/Qwen3-Coder-480B-A35B-Instruct", contextWindow: 262_144, family: "qwen" },
    { slug: "zai-org/GLM-4.6", contextWindow: 202_752, family: "glm", reasoning: true },
    { slug: "deepseek-ai/DeepSeek-V3.1", contextWindow: 163_840, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  reasoning: "reasoning",
  toolArguments: "whole",
  overflowCounts: "prompt-and-output",
  errors: {
    unauthorized: () => openAiStyleError(401, "Invalid credentials in Authorization header", "invalid_request_error"),
    unknownModel: (slug) => openAiStyleError(400, `The requested model '${slug}' is not supported by any provider you have enabled.`, "invalid_request_error", "model_not_supported", "model"),
    overflow: () => openAiStyleError(400, "Please reduce the length of the messages or completion.", "invalid_request_error", "context_length_exceeded", "messages"),
    rateLimit: (context) =>
      openAiStyleError(429, context.message ?? "You have exceeded your monthly included credits for Inference Providers.", "rate_limit_error", null, null, retryHeaders(context, 1)),
  },
});
