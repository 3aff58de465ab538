import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";

/** Cerebras errors are flat, not wrapped in `error` (unverified shape). */
function cerebrasError(status: number, message: string, type: string, param: string | null, code: string | null): GatewayErrorResponse {
  return { status, body: { message, type, param, code } };
}

/** Fields the gateway refuses in a request (no `store`, no `developer` role, past reasoning only as `reasoning`). */
function refusedField(body: Readonly<Record<string, unknown>>): GatewayErrorResponse | undefined {
  if (body.store !== undefined) return cerebrasError(400, "body.store: property 'body.store' is unsupported", "invalid_request_error", "store", "wrong_api_format");
  const messages = Array.isArray(body.messages) ? (body.messages as Array<Record<string, unknown> | null>) : [];
  for (const [index, message] of messages.entries()) {
    if (message?.role === "developer") {
      return cerebrasError(400, `messages.${index}.role: 'developer' is not one of ['system', 'user', 'assistant', 'tool']`, "invalid_request_error", `messages.${index}.role`, "wrong_api_format");
    }
    if (message?.role === "assistant" && message.reasoning_content !== undefined) {
      return cerebrasError(400, `messages.${index}.reasoning_content: property 'messages.${index}.reasoning_content' is unsupported`, "invalid_request_error", `messages.${index}.reasoning_content`, "wrong_api_format");
    }
  }
  return undefined;
}

/**
 * Cerebras: bare slugs (`gpt-oss-120b`, `qwen-3-coder-480b`, `zai-glm-4.6`), reasoning in
 * `delta.reasoning` and taken back only as `reasoning`, `max_completion_tokens` preferred,
 * `prompt_cache_key` affinity with `prompt_tokens_details.cached_tokens`, usage and `time_info`
 * on the finish chunk and whole tool arguments in one chunk (as recorded traffic shows), and no
 * body at all on a context overflow (`400`) or a token-rate 429, so only the status tells them
 * apart.
 * Unverified: the windows, the wording of refused-field errors and the flat error shape.
 */
export const cerebrasProfile = defineGatewayProfile({
  name: "cerebras",
  displayName: "Cerebras",
  models: [
    { slug: "gpt-oss-120b", contextWindow: 131_072, maxOutputTokens: 40_000, family: "gpt-oss", reasoning: true },
    { slug: "qwen-3-coder-480b", contextWindow: 131_072, maxOutputTokens: 40_000, family: "qwen" },
    { slug: "zai-glm-4.6", contextWindow: 131_072, maxOutputTokens: 40_000, family: "glm", reasoning: true },
    { slug: "qwen-3-235b-a22b-instruct-2507", contextWindow: 131_072, maxOutputTokens: 40_000, family: "qwen" },
  ],
  affinity: [{ in: "body", name: "prompt_cache_key" }],
  cacheBlockTokens: 128,
  reasoning: "reasoning",
  usagePlacement: "finish-chunk",
  toolArguments: "whole",
  overflowCounts: "prompt-and-output",
  completionId: (_sequence, random) => `chatcmpl-${randomChars(8, random, "0123456789abcdef")}-${randomChars(4, random, "0123456789abcdef")}-${randomChars(12, random, "0123456789abcdef")}`,
  rejectRequest: (body) => refusedField(body),
  decorateChunk: (chunk) => {
    if (chunk.usage !== undefined) chunk.time_info = { queue_time: 0.0002, prompt_time: 0.003, completion_time: 0.04, total_time: 0.045 };
  },
  errors: {
    unauthorized: () => cerebrasError(401, "Wrong API Key", "invalid_request_error", "api_key", "wrong_api_key"),
    unknownModel: (slug) => cerebrasError(404, `Model ${slug} does not exist or you do not have access to it.`, "not_found_error", "model", "model_not_found"),
    badRequest: (message, param) => cerebrasError(400, message, "invalid_request_error", param ?? null, "wrong_api_format"),
    overflow: () => ({ status: 400, body: "" }),
    rateLimit: (context) => ({
      status: 429,
      headers: { ...retryHeaders(context, 2), "x-ratelimit-limit-tokens-minute": "60000", "x-ratelimit-remaining-tokens-minute": "0", "x-ratelimit-reset-tokens-minute": "2.5" },
      body: "",
    }),
    serverError: (status, message) => cerebrasError(status, message ?? "Internal server error", "server_error", null, null),
  },
});
