/**
 * Texts gateways use to say a prompt does not fit the model's window. Matched case-insensitively
 * on the error message and the raw body.
 */
export const OVERFLOW_PATTERNS: readonly RegExp[] = [
  /prompt is too long/i,
  /maximum context length is \d+/i,
  /is longer than the model'?s context length/i,
  /exceeds the model'?s maximum context length/i,
  /reduce the length of the messages/i,
  /exceeds the available context size/i,
  /exceed_context_size_error/i,
  /exceeded max context length by \d+ tokens/i,
  /greater than the context length/i,
  /exceeded model token limit/i,
  /input token length too long/i,
  /total message size \d+ exceeds limit/i,
  /context window exceeds limit/i,
  /range of input length should be \[1, ?\d+\]/i,
  /model_context_window_exceeded/i,
  /"code"\s*:\s*"1261"|prompt exceeds max length/i,
  /current length is \d+ while limit is \d+/i,
  /context[_ ]length[_ ]exceeded/i,
  /exceeds the context window/i,
  /input is too long for requested model/i,
  /maximum prompt length is \d+/i,
  /input token count.*exceeds the maximum/i,
  /too large for model with \d+ maximum context length/i,
  /input length .*exceeds .*maximum.*(context )?length/i,
  /exceeds the maximum allowed (input )?length/i,
  /request entity too large/i,
];

/** Words of throttling, which must never be read as an overflow even if a pattern matches. */
const THROTTLING = /throttl|rate.?limit|too many requests/i;

/** True when an error says the prompt overflowed the window. A 429 never does. */
export function isOverflowError(status: number | undefined, text: string): boolean {
  if (status === 429) return false;
  if (status === 413) return true;
  if ((status === 400 || status === 413) && /^\s*4(00|13)\s*(status code)?\s*\(no body\)\s*$/i.test(text)) return true;
  if (THROTTLING.test(text)) return false;
  return OVERFLOW_PATTERNS.some((pattern) => pattern.test(text));
}
