import type { OverflowShape } from "../gateways/gateway-definition.js";

/**
 * The OpenAI API's own ways of saying a prompt does not fit. Every other wording belongs to a
 * gateway's definition (`overflow.patterns`) or the shared defaults a plugin adds.
 */
export const OVERFLOW_PATTERNS: readonly RegExp[] = [
  /maximum context length is \d+/i,
  /context[_ ]length[_ ]exceeded/i,
  /exceeds the context window/i,
  /request entity too large/i,
];

/** Words of throttling, which must never be read as an overflow even if a pattern matches. */
const THROTTLING = /throttl|rate.?limit|too many requests/i;

/** A body that is empty, or only the SDK's "(no body)" stand-in. */
export function isBodiless(text: string): boolean {
  return /^\s*(4\d\d\s*(status code)?\s*)?(\(no body\))?\s*$/i.test(text);
}

/**
 * True when an error says the prompt overflowed the window: 413, a bodiless status the gateway
 * documents for it, or a known text. A 429 never does, nor does a text about throttling.
 */
export function isOverflowError(status: number | undefined, text: string, shape?: OverflowShape): boolean {
  if (status === 429) return false;
  if (status === 413) return true;
  if (status !== undefined && shape?.bodilessStatuses?.includes(status) && isBodiless(text)) return true;
  if (THROTTLING.test(text)) return false;
  return OVERFLOW_PATTERNS.some((pattern) => pattern.test(text)) || (shape?.patterns ?? []).some((pattern) => pattern.test(text));
}
