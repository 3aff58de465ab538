import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import { openAiStyleError, retryDelaySeconds, retryHeaders } from "../openai-style-error.js";

const UNSUPPORTED_FIELDS = ["logprobs", "top_logprobs", "logit_bias"] as const;

/**
 * Groq: reasoning in `delta.reasoning`, whole tool-call arguments in one chunk, `x_groq.usage` on
 * the finish chunk (and top-level usage in a trailing chunk when asked), timing fields inside
 * usage, `retry-after` plus `x-ratelimit-*` headers on 429, and
 * "Please reduce the length of the messages or completion." with code `context_length_exceeded`
 * on overflow. Refuses `logprobs`, `top_logprobs`, `logit_bias` and `n` above 1.
 */
export const groqProfile = defineGatewayProfile({
  name: "groq",
  displayName: "Groq",
  models: [
    { slug: "moonshotai/kimi-k2-instruct-0905", contextWindow: 262_144, maxOutputTokens: 16_384, family: "kimi" },
    { slug: "openai/gpt-oss-120b", contextWindow: 131_072, maxOutputTokens: 65_536, family: "gpt-oss", reasoning: true },
    { slug: "qwen/qwen3-32b", contextWindow: 131_072, maxOutputTokens: 40_960, family: "qwen", reasoning: true },
  ],
  reasoning: "reasoning",
  toolArguments: "whole",
  overflowCounts: "prompt-and-output",
  completionId: (_sequence, random) => `chatcmpl-${randomChars(8, random, "0123456789abcdef")}-${randomChars(4, random, "0123456789abcdef")}-${randomChars(12, random, "0123456789abcdef")}`,
  decorateUsage: (usage) => {
    usage.queue_time = 0.012;
    usage.prompt_time = 0.021;
    usage.completion_time = 0.05;
    usage.total_time = 0.071;
  },
  decorateChunk: (chunk, context, position) => {
    if (position.first) chunk.x_groq = { id: `req_${context.completionId.slice(-12)}` };
    if (position.finish) {
      const usage: Record<string, unknown> = {
        prompt_tokens: context.usage.promptTokens,
        completion_tokens: context.usage.completionTokens,
        total_tokens: context.usage.promptTokens + context.usage.completionTokens,
        prompt_tokens_details: { cached_tokens: context.usage.cachedTokens },
      };
      chunk.x_groq = { id: `req_${context.completionId.slice(-12)}`, usage };
    }
  },
  responseHeaders: (context) => ({ "x-request-id": `req_${context.completionId.slice(-12)}` }),
  rejectRequest: (body) => {
    for (const field of UNSUPPORTED_FIELDS) {
      if (body[field] !== undefined && body[field] !== null && body[field] !== false) {
        return openAiStyleError(400, `\`${field}\` is not supported with this model`, "invalid_request_error", null, field);
      }
    }
    if (typeof body.n === "number" && body.n > 1) return openAiStyleError(400, "'n' : number must be at most 1", "invalid_request_error", null, "n");
    return undefined;
  },
  errors: {
    unauthorized: () => ({ status: 401, body: { error: { message: "Invalid API Key", type: "invalid_request_error", code: "invalid_api_key" } } }),
    unknownModel: (slug) => ({
      status: 404,
      body: { error: { message: `The model \`${slug}\` does not exist or you do not have access to it.`, type: "invalid_request_error", code: "model_not_found" } },
    }),
    overflow: () => openAiStyleError(400, "Please reduce the length of the messages or completion.", "invalid_request_error", "context_length_exceeded", "messages"),
    rateLimit: (context) => {
      const seconds = retryDelaySeconds(context, 2);
      return {
        status: 429,
        headers: {
          ...retryHeaders(context, Math.ceil(seconds)),
          "x-ratelimit-limit-requests": "1000",
          "x-ratelimit-limit-tokens": "250000",
          "x-ratelimit-remaining-requests": "999",
          "x-ratelimit-remaining-tokens": "0",
          "x-ratelimit-reset-requests": "86.4ms",
          "x-ratelimit-reset-tokens": `${seconds}s`,
        },
        body: {
          error: {
            message:
              context.message ??
              `Rate limit reached for model \`${context.slug}\` in organization \`org_sim\` service tier \`on_demand\` on tokens per minute (TPM): Limit 250000, Used 249000, Requested 6000. Please try again in ${seconds}s.`,
            type: "tokens",
            code: "rate_limit_exceeded",
          },
        },
      };
    },
  },
});
