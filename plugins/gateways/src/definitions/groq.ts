import { defineGateway } from "@bridle/core";
import { classifyRateLimit, durationHeader } from "../classify-rate-limit.js";

/**
 * Groq: lower-case `vendor/model` slugs (Llama under product names), reasoning in
 * `delta.reasoning`, usage in `x_groq.usage` on the finish chunk (and top-level in a trailing
 * chunk when asked), whole tool arguments in one chunk, tool arguments validated against the
 * schema on the server (so schemas go out lenient), `retry-after` and
 * `x-ratelimit-reset-tokens` ("7.66s") on 429 with "Please try again in 2.5s" in the body, and
 * "Please reduce the length of the messages or completion." (`context_length_exceeded`).
 */
export const groq = defineGateway({
  id: "groq",
  name: "Groq",
  baseURL: "https://api.groq.com/openai/v1",
  apiKeyEnv: "GROQ_API_KEY",
  slugs: {
    style: "lower",
    orgs: { kimi: "moonshotai", qwen: "qwen", "gpt-oss": "openai", llama: "meta-llama" },
    fixed: { "llama-3.1-8b-instruct": "llama-3.1-8b-instant", "llama-3.3-70b-instruct": "llama-3.3-70b-versatile" },
  },
  reasoning: { effort: { field: "reasoning_effort" } },
  response: { usagePaths: ["x_groq.usage"] },
  overflow: { patterns: [/reduce the length of the messages/i] },
  capabilities: { lenientToolSchemas: true },
  hooks: { classifyError: (error) => classifyRateLimit(error, durationHeader("x-ratelimit-reset-tokens", "x-ratelimit-reset-requests")) },
});
