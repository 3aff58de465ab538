/**
 * The wait before retry number `retry` (0 for the first retry) when the gateway named none:
 * exponential steps capped at `maxMs`, with full jitter (a uniform draw below the step), so
 * clients that failed together do not come back together.
 */
export function backoffDelay(retry: number, options: { baseDelayMs: number; maxBackoffMs: number }, random: () => number = Math.random): number {
  const step = Math.min(options.maxBackoffMs, options.baseDelayMs * 2 ** Math.max(0, retry));
  return Math.floor(random() * step);
}
