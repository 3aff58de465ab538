import type { HarnessError, ModelTarget, Recovery } from "@bridle/core";
import type { RouteTarget } from "./next-target.js";
import { backoffDelay } from "./backoff-delay.js";
import { BreakerOpenError, CutAnswerError } from "./fallback-errors.js";
import type { FallbackOptions } from "./fallback-options.js";
import { formatWait } from "./format-wait.js";

export interface RecoveryInput {
  error: HarnessError;
  /** Failed requests to the current target for this answer, this one included. */
  attempts: number;
  /** Where to fall back to, when anywhere. */
  next: RouteTarget | undefined;
  /** The variable holding the failing gateway's key, for auth messages. */
  keyVariable: string | undefined;
  options: Pick<FallbackOptions, "maxAttempts" | "baseDelayMs" | "maxBackoffMs" | "maxDelayMs">;
  now: number;
  random?: () => number;
}

/**
 * What to do about a failed request (the `onError` decision). Retried on the same target, with
 * the gateway's delay or backoff with full jitter: 408, 409, 429, 5xx, connection errors, cut or
 * idle streams, retryable in-stream errors — up to `maxAttempts`, then the next target. A delay
 * over `maxDelayMs` is never slept: the next target, or a stop that says when to try again.
 * Never retried: other 4xx (one request; the message names the gateway, status, request id and,
 * for 401/403, the key variable). Overflows are left to the context engine, cancels to the user.
 * Pure; `undefined` leaves the error to other taps.
 */
export function decideRecovery(input: RecoveryInput): Recovery | undefined {
  const { error, next, options } = input;
  // The agent resolves the model when it switches: a configured fallback may be in any spelling.
  const fallback = (reason: string): Recovery => ({ action: "fallback", to: next as ModelTarget, reason });
  if (error.kind === "aborted" || error.kind === "overflow") return undefined;
  if (error instanceof BreakerOpenError) {
    if (next) return fallback(error.message);
    return { action: "fail", message: `${error.message}, and no other gateway or fallback model can serve the answer; try again at ${new Date(error.retryAt).toISOString()}` };
  }
  if (error instanceof CutAnswerError) return { action: "retry", delayMs: 0, reason: error.message };
  if (!error.retryable) {
    if (error.kind === "auth" && error.status === undefined) {
      // No key for this gateway: nothing was sent; another gateway with its own key may serve.
      return next ? fallback(error.message) : undefined;
    }
    if (error.status === undefined || error.status < 400 || error.status >= 500) return undefined;
    const check = (error.status === 401 || error.status === 403) && input.keyVariable ? `; check ${input.keyVariable}` : "";
    return { action: "fail", message: `${error.message}${error.requestId ? "" : " (no request id sent)"}${check}; not retried` };
  }
  const asked = error.retryAfterMs;
  if (asked !== undefined && asked > options.maxDelayMs) {
    const wait = formatWait(asked, input.now);
    if (next) return fallback(`${error.gateway} asks to wait ${wait}, longer than ${options.maxDelayMs / 1000} s`);
    return { action: "fail", message: `${error.message}. ${error.gateway} asks to wait ${wait}, longer than the ${options.maxDelayMs / 1000} s Bridle waits: try again then` };
  }
  if (input.attempts >= options.maxAttempts) {
    const gaveUp = `${error.gateway} failed ${input.attempts} time${input.attempts === 1 ? "" : "s"} in a row`;
    if (next) return fallback(gaveUp);
    return { action: "fail", message: `${gaveUp}; last error: ${error.message}` };
  }
  const delayMs = asked ?? backoffDelay(input.attempts - 1, options, input.random);
  return { action: "retry", delayMs, reason: asked !== undefined ? `${error.gateway} asked to wait ${Math.round(asked)} ms` : `attempt ${input.attempts + 1} of ${options.maxAttempts}` };
}
