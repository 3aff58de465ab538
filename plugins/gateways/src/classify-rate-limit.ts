import type { ErrorClassification, WireError } from "@bridle/core";
import { parseDuration, parseRetryDelay } from "./parse-retry-delay.js";

/** Reads a gateway's own reset header into a wait in milliseconds. */
export type ResetReader = (headers: Headers, now: number) => number | undefined;

/**
 * A 429's wait from what this gateway sends besides `retry-after`: its own reset header, then a
 * delay stated in the body. Returns `undefined` (leaving the generic rules, which read
 * `retry-after-ms` and `retry-after`) when the answer is not a 429 or carries those headers.
 */
export function classifyRateLimit(error: WireError, readReset?: ResetReader, now = Date.now()): ErrorClassification | undefined {
  if (error.status !== 429) return undefined;
  if (error.headers?.has("retry-after") || error.headers?.has("retry-after-ms")) return undefined;
  const fromHeader = error.headers && readReset ? readReset(error.headers, now) : undefined;
  const retryAfterMs = fromHeader ?? parseRetryDelay(error.body);
  return retryAfterMs === undefined ? { kind: "rate-limit" } : { kind: "rate-limit", retryAfterMs };
}

/** A header holding the reset time as epoch milliseconds (OpenRouter `x-ratelimit-reset`). */
export function epochMillisecondsHeader(name: string): ResetReader {
  return (headers, now) => {
    const value = Number(headers.get(name));
    return Number.isFinite(value) && value > 0 ? Math.max(0, value - now) : undefined;
  };
}

/** A header holding the wait as seconds or a duration (`2.5`, `7.66s`, `2m59.56s`). */
export function durationHeader(...names: string[]): ResetReader {
  return (headers) => {
    for (const name of names) {
      const value = headers.get(name);
      const milliseconds = value === null ? undefined : parseDuration(value);
      if (milliseconds !== undefined) return milliseconds;
    }
    return undefined;
  };
}
