/** What an overflow error says about sizes, in tokens. Each number only when the text states it. */
export interface StatedOverflow {
  /** The window the gateway enforces. */
  limit?: number;
  /** The prompt alone, as the gateway counted it. */
  prompt?: number;
  /** Prompt plus requested output, when the text gives only the total. */
  requested?: number;
}

const LIMIT_PATTERNS: readonly RegExp[] = [
  /maximum context length(?:\s+(?:is|of))?\s*:?\s*(\d[\d,]*)/i,
  /context (?:length|size|window)(?: limit)?\s*\((?:n_ctx:\s*)?(\d[\d,]*)(?: tokens)?\)/i,
  /n_ctx:\s*(\d[\d,]*)/i,
  /model token limit\s*:\s*(\d[\d,]*)/i,
  /range of input length should be \[\s*1\s*,\s*(\d[\d,]*)\s*\]/i,
  /(?:limit|maximum) (?:of|is)\s+(\d[\d,]*) tokens/i,
];

const PROMPT_PATTERNS: readonly RegExp[] = [
  /(\d[\d,]*) (?:tokens )?in the messages/i,
  /prompt contains at least (\d[\d,]*) (?:input )?tokens/i,
  /request has (\d[\d,]*) input tokens/i,
  /the input \((\d[\d,]*) tokens\)/i,
  /prompt is too long:?\s*(\d[\d,]*)/i,
  /request \((\d[\d,]*) tokens\) exceeds/i,
  /n_keep:\s*(\d[\d,]*)/i,
  /(\d[\d,]*) tokens? from the input/i,
];

const REQUESTED_PATTERNS: readonly RegExp[] = [
  /requested (?:about |a total of )?(\d[\d,]*) tokens/i,
  /input and maximum output tokens \((\d[\d,]*)\)/i,
];

/**
 * Reads the numbers an overflow error states ("maximum context length is 32768 tokens. However,
 * you requested 40000 tokens (8000 in the messages, 32000 in the completion)"), in the wordings
 * OpenAI-compatible servers share. A split into parts ("X of text input, Y of tool input")
 * add up to the prompt. Pure; an empty object when the text states nothing.
 */
export function statedOverflow(text: string): StatedOverflow {
  const stated: StatedOverflow = {};
  const limit = firstNumber(text, LIMIT_PATTERNS);
  if (limit !== undefined) stated.limit = limit;
  const inputs = [/(\d[\d,]*) of text input/i, /(\d[\d,]*) of tool input/i].map((pattern) => firstNumber(text, [pattern]));
  const prompt = firstNumber(text, PROMPT_PATTERNS) ?? (inputs.some((value) => value !== undefined) ? inputs.reduce<number>((sum, value) => sum + (value ?? 0), 0) : undefined);
  if (prompt !== undefined) stated.prompt = prompt;
  const requested = firstNumber(text, REQUESTED_PATTERNS);
  if (requested !== undefined) stated.requested = requested;
  return stated;
}

function firstNumber(text: string, patterns: readonly RegExp[]): number | undefined {
  for (const pattern of patterns) {
    const match = pattern.exec(text);
    if (!match) continue;
    const value = Number.parseInt(match[1]!.replaceAll(",", ""), 10);
    if (Number.isFinite(value) && value > 0) return value;
  }
  return undefined;
}
