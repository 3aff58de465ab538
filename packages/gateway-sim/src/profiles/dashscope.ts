import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";

function dashscopeError(status: number, message: string, type: string, code: string, headers?: Record<string, string>): GatewayErrorResponse {
  return {
    status,
    headers,
    body: { error: { message, type, param: null, code }, request_id: "00000000-0000-4000-8000-000000000000" },
  };
}

/**
 * Alibaba DashScope / Model Studio (compatible mode): `qwen3-coder-plus` style slugs, reasoning
 * in `delta.reasoning_content`, implicit prefix caching reported from 256 tokens up, and
 * "<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, N]" on
 * overflow.
 */
export const dashscopeProfile = defineGatewayProfile({
  name: "dashscope",
  displayName: "Alibaba DashScope",
  models: [
    { slug: "qwen3-coder-plus", contextWindow: 1_000_000, maxOutputTokens: 65_536, family: "qwen" },
    { slug: "qwen3-coder-flash", contextWindow: 1_000_000, maxOutputTokens: 65_536, family: "qwen" },
    { slug: "qwen3-coder-480b-a35b-instruct", contextWindow: 262_144, maxOutputTokens: 65_536, family: "qwen" },
    { slug: "qwen3-max", contextWindow: 262_144, maxOutputTokens: 65_536, family: "qwen", reasoning: true },
  ],
  minCachedTokens: 256,
  reasoning: "reasoning_content",
  completionId: (_sequence, random) => `chatcmpl-${randomChars(8, random, "0123456789abcdef")}-${randomChars(4, random, "0123456789abcdef")}-${randomChars(12, random, "0123456789abcdef")}`,
  errors: {
    unauthorized: () =>
      dashscopeError(
        401,
        "Incorrect API key provided. For details, see: https://www.alibabacloud.com/help/en/model-studio/error-code#apikey-error",
        "invalid_request_error",
        "invalid_api_key",
      ),
    unknownModel: (slug) => dashscopeError(404, `The model \`${slug}\` does not exist or you do not have access to it.`, "invalid_request_error", "model_not_found"),
    badRequest: (message) => dashscopeError(400, message, "invalid_request_error", "invalid_parameter_error"),
    overflow: (context) =>
      dashscopeError(
        400,
        `<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, ${context.contextWindow}]`,
        "invalid_request_error",
        "invalid_parameter_error",
      ),
    rateLimit: (context) =>
      dashscopeError(429, context.message ?? "Requests rate limit exceeded, please try again later.", "limit_requests", "limit_requests", retryHeaders(context)),
    serverError: (status, message) => dashscopeError(status, message ?? "An internal error has occured, please try again later.", "internal_error", "internal_error"),
  },
});
