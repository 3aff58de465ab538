import { HarnessError, type HarnessErrorDetails } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { backoffDelay } from "./backoff-delay.js";
import { decideRecovery, type RecoveryInput } from "./decide-recovery.js";
import { BreakerOpenError, CutAnswerError } from "./fallback-errors.js";

const options = { maxAttempts: 3, baseDelayMs: 500, maxBackoffMs: 8000, maxDelayMs: 60_000 };
const now = Date.UTC(2026, 0, 1, 12, 0, 0);
const next = { model: "m", gateway: "beta" };

function error(message: string, details: Partial<HarnessErrorDetails>): HarnessError {
  return new HarnessError(message, { kind: "http", gateway: "alpha", model: "m", retryable: false, ...details });
}

function decide(input: Partial<RecoveryInput> & { error: HarnessError }) {
  return decideRecovery({ attempts: 1, next: undefined, keyVariable: "ALPHA_KEY", options, now, random: () => 0.5, ...input });
}

describe("decideRecovery", () => {
  it("waits what the gateway asked for, up to the cap", () => {
    const limited = error("alpha answered 429", { kind: "rate-limit", status: 429, retryable: true, retryAfterMs: 1500 });
    expect(decide({ error: limited })).toEqual({ action: "retry", delayMs: 1500, reason: "alpha asked to wait 1500 ms" });
  });

  it("never sleeps past the cap: falls back, or stops saying when to try again", () => {
    const limited = error("alpha answered 429", { kind: "rate-limit", status: 429, retryable: true, retryAfterMs: 600_000 });
    expect(decide({ error: limited, next })).toEqual(expect.objectContaining({ action: "fallback", to: next }));
    const stopped = decide({ error: limited });
    expect(stopped).toEqual({ action: "fail", message: expect.stringContaining("asks to wait 10 min (at 2026-01-01 12:10:00 UTC)") });
  });

  it("backs off with full jitter when the gateway names no delay, then moves on after the configured attempts", () => {
    const failing = error("alpha answered 503", { status: 503, retryable: true });
    expect(decide({ error: failing, attempts: 1 })).toEqual(expect.objectContaining({ action: "retry", delayMs: 250 }));
    expect(decide({ error: failing, attempts: 2 })).toEqual(expect.objectContaining({ action: "retry", delayMs: 500 }));
    expect(decide({ error: failing, attempts: 3, next })).toEqual(expect.objectContaining({ action: "fallback" }));
    expect(decide({ error: failing, attempts: 3 })).toEqual({ action: "fail", message: "alpha failed 3 times in a row; last error: alpha answered 503" });
  });

  it("never retries other 4xx, and names the key variable for 401 and 403", () => {
    expect(decide({ error: error("alpha answered 400 (request r1): bad", { status: 400, requestId: "r1" }), next })).toEqual({ action: "fail", message: "alpha answered 400 (request r1): bad; not retried" });
    expect(decide({ error: error("alpha answered 401: no", { kind: "auth", status: 401 }) })).toEqual({ action: "fail", message: "alpha answered 401: no (no request id sent); check ALPHA_KEY; not retried" });
  });

  it("leaves overflows to the context engine and cancels to the user", () => {
    expect(decide({ error: error("too long", { kind: "overflow", status: 400 }) })).toBeUndefined();
    expect(decide({ error: error("cancelled", { kind: "aborted" }) })).toBeUndefined();
  });

  it("falls back from an open breaker or a gateway without its key", () => {
    expect(decide({ error: new BreakerOpenError("alpha", "m", now + 1000, "3 failures"), next })).toEqual(expect.objectContaining({ action: "fallback", to: next }));
    expect(decide({ error: new BreakerOpenError("alpha", "m", now + 1000, "3 failures") })).toEqual({ action: "fail", message: expect.stringContaining("try again at") });
    expect(decide({ error: error("no API key for Alpha", { kind: "auth" }), next })).toEqual(expect.objectContaining({ action: "fallback" }));
  });

  it("asks a cut answer again at once", () => {
    expect(decide({ error: new CutAnswerError("alpha", "m", 1000, 2000) })).toEqual(expect.objectContaining({ action: "retry", delayMs: 0 }));
  });
});

describe("backoffDelay", () => {
  it("draws below an exponential step capped at the maximum", () => {
    expect(backoffDelay(0, options, () => 0.999)).toBe(499);
    expect(backoffDelay(3, options, () => 0.999)).toBe(3996);
    expect(backoffDelay(10, options, () => 0.999)).toBe(7992);
    expect(backoffDelay(5, options, () => 0)).toBe(0);
  });
});
