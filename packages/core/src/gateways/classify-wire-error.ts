import { isOverflowError } from "../transport/overflow-patterns.js";
import { retryAfterMilliseconds } from "../transport/retry-after.js";
import { findRejectedFields, findRejectedMessageFields, findReplayDemand } from "./find-rejected-fields.js";
import { statedOverflow } from "./stated-overflow.js";
import type { ErrorClassification, GatewayDefinition, WireError, WireRequest } from "./gateway-definition.js";

/** Statuses worth another try: timeouts, lock conflicts, throttling, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * What an error answer means, from the gateway's definition and the generic OpenAI-compatible
 * rules: the definition's own `classifyError` first, then overflow (which a 429 never is),
 * rate limits with their delay, auth, a demand to send reasoning back, a rejected field of
 * `sent`, retryable statuses, and otherwise a bad request. Pure: the same input, the same answer.
 */
export function classifyWireError(gateway: GatewayDefinition, error: WireError, sent?: WireRequest): ErrorClassification {
  const own = gateway.hooks?.classifyError?.(error);
  if (own) return own.kind === "overflow" ? { ...statedOverflow(error.body), ...own } : own;
  const { status, body } = error;
  const text = error.code ? `${body} ${error.code}` : body;
  const errors = gateway.errors;
  const retryAfterMs = retryAfterMilliseconds(error.headers) ?? statedDelay(body, errors?.retryAfterPattern) ?? delayInWords(body);
  if (status !== 429 && isOverflowError(status, text, gateway.overflow)) return { kind: "overflow", ...statedOverflow(body) };
  if (status === 429 || errors?.rateLimitPatterns?.some((pattern) => pattern.test(text))) {
    return retryAfterMs === undefined ? { kind: "rate-limit" } : { kind: "rate-limit", retryAfterMs };
  }
  if (status === 401 || status === 402 || status === 403 || errors?.authPatterns?.some((pattern) => pattern.test(text))) return { kind: "auth" };
  if (status === 400 || status === 422) {
    const replay = findReplayDemand(text);
    if (replay) return replay.field ? { kind: "replay-required", field: replay.field } : { kind: "replay-required" };
    const fields = sent ? [...findRejectedFields(text, sent.body), ...findRejectedMessageFields(text, sent.body)] : [];
    if (fields.length > 0) return { kind: "unsupported-field", fields };
  }
  if ((status !== undefined && isRetryableStatus(status)) || errors?.retryablePatterns?.some((pattern) => pattern.test(text))) {
    return retryAfterMs === undefined ? { kind: "retryable" } : { kind: "retryable", retryAfterMs };
  }
  return { kind: "bad-request" };
}

/**
 * A delay written out in a body: "try again in 2.5s", "retry after 1m30.5s", "in 250ms",
 * "after 3 seconds". Milliseconds, or `undefined` when the body names none.
 */
export function delayInWords(body: string): number | undefined {
  const match = /\b(?:try\s+again|retry|wait)\w*\s+(?:in|after|for)\s+((?:\d+(?:\.\d+)?\s*(?:milliseconds?|ms|minutes?|mins?|m|hours?|h|seconds?|secs?|s)\s*)+)/i.exec(body);
  if (!match) return undefined;
  let total = 0;
  for (const part of match[1]!.matchAll(/(\d+(?:\.\d+)?)\s*(milliseconds?|ms|minutes?|mins?|m|hours?|h|seconds?|secs?|s)/gi)) {
    const value = Number.parseFloat(part[1]!);
    const unit = part[2]!.toLowerCase();
    total += unit.startsWith("ms") || unit.startsWith("milli") ? value : unit.startsWith("h") ? value * 3_600_000 : unit.startsWith("m") ? value * 60_000 : value * 1000;
  }
  return total;
}

/** A delay the body states through the gateway's own pattern (group 1 = seconds), in milliseconds. */
function statedDelay(body: string, pattern: RegExp | undefined): number | undefined {
  const seconds = pattern ? Number.parseFloat(pattern.exec(body)?.[1] ?? "") : Number.NaN;
  return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
}
