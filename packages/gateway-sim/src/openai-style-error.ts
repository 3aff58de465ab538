import type { GatewayErrorResponse, RateLimitContext } from "./gateway-profile.js";

/** `{"error":{"message","type","param","code"}}`, the shape most OpenAI-compatible servers use. */
export function openAiStyleError(
  status: number,
  message: string,
  type: string,
  code: string | number | null = null,
  param: string | null = null,
  headers?: Record<string, string>,
): GatewayErrorResponse {
  return { status, headers, body: { error: { message, type, param, code } } };
}

/**
 * The flat body of SGLang and vLLM-era servers, `{"object":"error","message",…}`, with no `error`
 * key: clients that read only `body.error` find no message in it.
 */
export function flatError(status: number, message: string, type: string, headers?: Record<string, string>): GatewayErrorResponse {
  return { status, headers, body: { object: "error", message, type, param: null, code: status } };
}

/**
 * `retry-after` (whole seconds) and `retry-after-ms` headers for a 429, as far as the context
 * asks for them; `fallbackSeconds` is used when it names neither.
 */
export function retryHeaders(context: RateLimitContext, fallbackSeconds?: number): Record<string, string> {
  const headers: Record<string, string> = {};
  const seconds = context.retryAfterSeconds ?? (context.retryAfterMs === undefined ? fallbackSeconds : undefined);
  if (seconds !== undefined) headers["retry-after"] = String(seconds);
  if (context.retryAfterMs !== undefined) headers["retry-after-ms"] = String(context.retryAfterMs);
  return headers;
}

/** Seconds to wait, from whichever retry hint the context carries (for message texts). */
export function retryDelaySeconds(context: RateLimitContext, fallbackSeconds: number): number {
  if (context.retryAfterSeconds !== undefined) return context.retryAfterSeconds;
  if (context.retryAfterMs !== undefined) return context.retryAfterMs / 1000;
  return fallbackSeconds;
}
