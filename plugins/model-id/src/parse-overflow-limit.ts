/** A number as gateways print it: `131072` or `131,072`. */
const N = "(\\d[\\d,]*)";

/**
 * Overflow texts that state the real window (gateways.md §1), each capturing the limit. Texts
 * that only say *by how much* the prompt overflowed (Ollama's "exceeded max context length by N
 * tokens") or give a byte size (Kimi Code's "total message size") state no window and are absent.
 */
const LIMIT_PATTERNS: readonly RegExp[] = [
  // OpenRouter, DeepSeek, vLLM (all versions): "maximum context length is 131072 tokens".
  new RegExp(`maximum context length is ${N}`, "i"),
  // Fireworks: "The prompt is too long: 264613, model maximum context length: 262141".
  new RegExp(`model maximum context length:?\\s*${N}`, "i"),
  // Anthropic-style: "prompt is too long: 213462 tokens > 200000 maximum".
  new RegExp(`prompt is too long:?\\s*[\\d,]+\\s*tokens?\\s*>\\s*${N}`, "i"),
  // Together, SGLang: "is longer than the model's context length (200000 tokens)".
  new RegExp(`longer than the model'?s context length \\(${N}`, "i"),
  // SGLang: "exceeds the model's maximum context length of 131072 tokens".
  new RegExp(`maximum context length of ${N}`, "i"),
  // "Input length (265330) exceeds model's maximum context length (262144)".
  new RegExp(`maximum context length \\(${N}`, "i"),
  // Older SGLang: "exceeds the maximum allowed length (59862 tokens)".
  new RegExp(`maximum allowed (?:input )?length \\(${N}`, "i"),
  // llama.cpp / Ollama's new engine: "exceeds the available context size (4096 tokens)", or `"n_ctx":4096`.
  new RegExp(`available context size \\(${N}`, "i"),
  new RegExp(`"n_ctx"\\s*:\\s*${N}`, "i"),
  // Moonshot / Kimi for Coding: "Your request exceeded model token limit : 262144".
  new RegExp(`exceeded model token limit\\s*:?\\s*${N}`, "i"),
  // DashScope: "Range of input length should be [1, 204800]".
  new RegExp(`Range of input length should be \\[\\s*\\d+\\s*,\\s*${N}\\s*\\]`, "i"),
  // Cerebras (per LiteLLM): "Current length is 140000 while limit is 131072".
  new RegExp(`while limit is ${N}`, "i"),
  // OpenAI, Bedrock, xAI, Gemini, Copilot, Mistral variants.
  new RegExp(`maximum prompt length is ${N}`, "i"),
  new RegExp(`too large for model with ${N} maximum context length`, "i"),
  new RegExp(`exceeds the maximum number of tokens allowed \\(${N}`, "i"),
  new RegExp(`exceeds the limit of ${N}`, "i"),
];

/**
 * Any other wording: a window word (`context length`, `context window`, `n_ctx`, …), then only
 * linking words and punctuation (`of`, `is`, `limit`, `(`, `:`), then the number — so "context
 * window limit (24000)" and "n_ctx: 4096" give the window, while "context length by 4021 tokens"
 * (an excess) and "(n_keep: 5000 …" (another count) do not. A size in bytes is no window.
 */
const GENERIC_LIMIT = new RegExp(
  `\\b(?:context(?:[\\s_-]*(?:window|length|size|limit))?|n_ctx)\\b(?:[\\s:=(\\[]*(?:of|is|limit|window|size|length|tokens?|maximum|max)\\b)*[\\s:=(\\[]*${N}(?!\\d|,\\d)(?!\\s*(?:bytes?|[kmg]?b)\\b)`,
  "gi",
);

/** Windows outside this range are not windows (a byte count, a stray number). */
const MIN_WINDOW = 256;
const MAX_WINDOW = 100_000_000;

/**
 * Reads the real context window out of a gateway's context-overflow error text, e.g.
 * `"This model's maximum context length is 131072 tokens. However, you requested …"` → 131072.
 * Returns `undefined` when the text states no limit.
 */
export function parseOverflowLimit(message: string): number | undefined {
  for (const pattern of LIMIT_PATTERNS) {
    const match = pattern.exec(message);
    if (!match?.[1]) continue;
    const limit = Number(match[1].replace(/,/g, ""));
    if (Number.isInteger(limit) && limit >= MIN_WINDOW && limit <= MAX_WINDOW) return limit;
  }
  for (const match of message.matchAll(GENERIC_LIMIT)) {
    const limit = Number((match[1] ?? "").replace(/,/g, ""));
    if (Number.isInteger(limit) && limit >= MIN_WINDOW && limit <= MAX_WINDOW) return limit;
  }
  return undefined;
}
