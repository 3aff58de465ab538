import { defineGatewayProfile } from "../define-gateway-profile.js";
import { flatError, retryHeaders } from "../openai-style-error.js";
import { vllmOverflowText } from "../overflow-texts.js";

/**
 * Hyperbolic: Hugging Face style slugs on vLLM engines. Everything here is unverified (no
 * source in the reference): reasoning in `delta.reasoning_content`, the flat error body, the
 * vLLM 0.11 overflow text and the windows. It exercises the generic rules.
 */
export const hyperbolicProfile = defineGatewayProfile({
  name: "hyperbolic",
  displayName: "Hyperbolic",
  models: [
    { slug: "moonshotai/Kimi-K2-Instruct", contextWindow: 131_072, family: "kimi" },
    { slug: "Qwen/Qwen3-Coder-480B-A35B-Instruct", contextWindow: 262_144, family: "qwen" },
    { slug: "deepseek-ai/DeepSeek-V3-0324", contextWindow: 131_072, family: "deepseek" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, family: "gpt-oss", reasoning: true },
  ],
  reasoning: "reasoning_content",
  overflowCounts: "prompt-and-output",
  errors: {
    unauthorized: () => ({ status: 401, body: { detail: "Invalid API key" } }),
    unknownModel: (slug) => flatError(404, `The model \`${slug}\` does not exist.`, "NotFoundError"),
    badRequest: (message) => flatError(400, message, "BadRequestError"),
    overflow: (context) =>
      flatError(
        400,
        vllmOverflowText(context),
        "BadRequestError",
      ),
    rateLimit: (context) => flatError(429, context.message ?? "Rate limit exceeded. Please slow down.", "RateLimitError", retryHeaders(context, 1)),
    serverError: (status, message) => flatError(status, message ?? "Internal server error", "InternalServerError"),
  },
});
