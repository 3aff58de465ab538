const UNIT_MS: Readonly<Record<string, number>> = { ms: 1, s: 1000, sec: 1000, second: 1000, m: 60_000, min: 60_000, minute: 60_000, h: 3_600_000, hour: 3_600_000 };

/** "1m30.5s", "2.5s", "250ms", "20 seconds", "1 minute": a sum of number-unit parts. */
const DURATION = /^(?:\s*\d+(?:\.\d+)?\s*(?:ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)(?![a-z]))+/i;
const PART = /(\d+(?:\.\d+)?)\s*(ms|milliseconds?|s|secs?|seconds?|m|mins?|minutes?|h|hours?)(?![a-z])/gi;

/**
 * Milliseconds in a duration as gateways write them: `7.66s`, `2m59.56s`, `86.4ms`, `20
 * seconds`. A bare number is seconds (`retry-after` style). `undefined` when unreadable.
 */
export function parseDuration(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+(?:\.\d+)?$/.test(trimmed)) return Number(trimmed) * 1000;
  const match = DURATION.exec(trimmed);
  if (!match) return undefined;
  let total = 0;
  for (const [, amount, unit] of match[0].matchAll(PART)) total += Number(amount) * unitMs(unit ?? "s");
  return Number.isFinite(total) ? Math.round(total) : undefined;
}

/** Phrases that introduce a wait in an error text. */
const WAIT_PHRASE = /\b(?:try again|retry|retrying|wait|available again|reset(?:s)?)\s+(?:in|after)\s+/gi;

/**
 * The wait an error text asks for ("Please try again in 1m30.5s", "retry after 20 seconds"),
 * in milliseconds, or `undefined` when the text names none.
 */
export function parseRetryDelay(text: string): number | undefined {
  for (const match of text.matchAll(WAIT_PHRASE)) {
    const rest = text.slice((match.index ?? 0) + match[0].length);
    const duration = DURATION.exec(rest);
    if (duration) return parseDuration(duration[0]);
  }
  return undefined;
}

function unitMs(unit: string): number {
  const lower = unit.toLowerCase();
  return UNIT_MS[lower] ?? UNIT_MS[lower.replace(/s$/, "")] ?? (lower.startsWith("ms") || lower.startsWith("milli") ? 1 : 1000);
}
