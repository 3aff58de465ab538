import { defineGatewayProfile, randomChars } from "../define-gateway-profile.js";
import type { GatewayErrorResponse } from "../gateway-profile.js";
import { retryHeaders } from "../openai-style-error.js";

function zaiError(status: number, code: string, message: string, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { error: { code, message } } };
}

/**
 * Z.ai (GLM): bare `glm-…` slugs, reasoning in `delta.reasoning_content`, usage always on the
 * finish chunk, whole tool arguments in one chunk unless the request sends `tool_stream: true`,
 * `call_<24 hex>` tool-call ids, and numeric error codes (`1211` unknown model, `1261` prompt too
 * long, `1302` concurrency limit). Its overflow behaviour is unreliable in the wild; the default
 * is the `1261` error and `overflowMode: "silent"` gives a 200 whose usage exceeds the window.
 */
export const zaiProfile = defineGatewayProfile({
  name: "zai",
  displayName: "Z.ai",
  models: [
    { slug: "glm-4.6", contextWindow: 202_752, maxOutputTokens: 131_072, family: "glm", reasoning: true },
    { slug: "glm-4.7", contextWindow: 202_752, maxOutputTokens: 131_072, family: "glm", reasoning: true },
    { slug: "glm-4.5", contextWindow: 131_072, maxOutputTokens: 98_304, family: "glm", reasoning: true },
    { slug: "glm-4.5-air", contextWindow: 131_072, maxOutputTokens: 98_304, family: "glm", reasoning: true },
  ],
  reasoning: "reasoning_content",
  usagePlacement: "finish-chunk",
  usageWithoutIncludeUsage: true,
  toolArguments: "whole",
  toolStreamField: "tool_stream",
  toolCallIds: "zai-hex",
  completionId: (_sequence, random) => `${new Date().toISOString().replace(/\D/g, "").slice(0, 14)}${randomChars(16, random, "0123456789abcdef")}`,
  decorateUsage: (usage, numbers) => {
    usage.completion_tokens_details = { reasoning_tokens: numbers.reasoningTokens };
  },
  decorateCompletion: (completion, context) => {
    completion.request_id = context.completionId;
  },
  errors: {
    unauthorized: () => zaiError(401, "1000", "Authentication Failed"),
    unknownModel: () => zaiError(400, "1211", "Unknown Model, please check the model code."),
    badRequest: (message) => zaiError(400, "1210", message),
    overflow: () => zaiError(400, "1261", "Prompt exceeds max length"),
    rateLimit: (context) =>
      zaiError(429, "1302", context.message ?? "High concurrency usage of this API, please reduce concurrency or contact customer service to increase limits", retryHeaders(context)),
    serverError: (status, message) => zaiError(status, "500", message ?? "Internal Error"),
  },
});

/** Z.ai's GLM Coding Plan: the same API under its own path and billing, a gateway of its own. */
export const zaiCodingProfile = defineGatewayProfile({ ...zaiProfile, name: "zai-coding", displayName: "Z.ai GLM Coding Plan" });
