import { describe, expect, it } from "vitest";
import { parseOverflowLimit } from "./parse-overflow-limit.js";

describe("parseOverflowLimit", () => {
  // The texts of gateways.md §1 that state a limit.
  it.each([
    ["OpenRouter", "This endpoint's maximum context length is 131072 tokens. However, you requested about 140000 tokens", 131072],
    [
      "DeepSeek",
      "This model's maximum context length is 65536 tokens. However, you requested 70000 tokens (66000 in the messages, 4000 in the completion). Please reduce the length of the messages or completion.",
      65536,
    ],
    [
      "vLLM ≥0.11",
      "This model's maximum context length is 8192 tokens. However, you requested 64 output tokens and your prompt contains at least 8129 input tokens, for a total of at least 8193 tokens.",
      8192,
    ],
    [
      "vLLM 0.10",
      "'max_tokens' or 'max_completion_tokens' is too large: 32768. This model's maximum context length is 40960 tokens and your request has 9519 input tokens (32768 > 40960 - 9519).",
      40960,
    ],
    ["Anthropic-style", "prompt is too long: 213462 tokens > 200000 maximum", 200000],
    ["Fireworks", "The prompt is too long: 264613, model maximum context length: 262141", 262141],
    ["Together / SGLang", "The input (250000 tokens) is longer than the model's context length (200000 tokens).", 200000],
    [
      "SGLang",
      "Requested token count exceeds the model's maximum context length of 131072 tokens. You requested a total of 140000 tokens: 130000 tokens from the input messages and 10000 tokens for the completion.",
      131072,
    ],
    ["llama.cpp", "request (4476 tokens) exceeds the available context size (4096 tokens)", 4096],
    [
      "llama.cpp JSON body",
      '{"error":{"code":400,"message":"the request exceeds the available context size, try increasing it","type":"exceed_context_size_error","n_prompt_tokens":4476,"n_ctx":4096}}',
      4096,
    ],
    ["Moonshot", "Your request exceeded model token limit : 262144", 262144],
    ["Kimi for Coding", "Your request exceeded model token limit: 262144 (requested: 300000)", 262144],
    ["DashScope", "<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 204800]", 204800],
    ["Cerebras", "Current length is 140000 while limit is 131072", 131072],
    ["unattributed", "Input length (265330) exceeds model's maximum context length (262144).", 262144],
    ["older SGLang", "Input length (160062 tokens) exceeds the maximum allowed length (59862 tokens).", 59862],
    ["OpenAI-style", "This model's maximum prompt length is 131,072 but the request contains 150,000 tokens.", 131072],
    // Wordings no pattern above names: a window word, linking words, the number.
    [
      "Cloudflare Workers AI",
      "AiError: AiError: The estimated number of input and maximum output tokens (35033) exceeded this model context window limit (24000).",
      24000,
    ],
    [
      "LM Studio",
      "The number of tokens to keep from the initial prompt is greater than the context length (n_keep: 5000 >= n_ctx: 4096). Try to load the model with a larger context length.",
      4096,
    ],
    ["a gateway not described anywhere", "error: prompt of 40,000 tokens does not fit the context window of 32,768 tokens", 32768],
  ])("%s", (_gateway, message, limit) => {
    expect(parseOverflowLimit(message)).toBe(limit);
  });

  it.each([
    ["Ollama states the excess, not the window", "prompt too long; exceeded max context length by 4021 tokens"],
    ["Kimi Code states a byte size", "total message size 2306631 exceeds limit 2097152 bytes"],
    ["MiniMax states no number", "invalid params, context window exceeds limit"],
    ["Groq states no number", "Please reduce the length of the messages or completion"],
    ["a rate limit is no overflow", "Rate limit reached: too many tokens per minute"],
    ["Cerebras without a body", "400 status code (no body)"],
    ["a context size in bytes", "context size limit: 2097152 bytes"],
    ["a rate limit with a number", "Rate limit reached: limit 600, used 600"],
  ])("returns undefined when %s", (_why, message) => {
    expect(parseOverflowLimit(message)).toBeUndefined();
  });
});
