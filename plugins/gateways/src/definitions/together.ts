import { defineGateway } from "@bridle/core";
import { classifyRateLimit, durationHeader } from "../classify-rate-limit.js";
import { HUB_ORGS } from "../slug-orgs.js";

/**
 * Together AI: Hugging Face repo ids, thinking switched by `reasoning: {enabled}`, usage passed
 * through from the engine, "The input (N tokens) is longer than the model's context length (M
 * tokens)." on overflow.
 */
export const together = defineGateway({
  id: "together",
  name: "Together AI",
  baseURL: "https://api.together.xyz/v1",
  apiKeyEnv: "TOGETHER_API_KEY",
  slugs: { style: "hub", orgs: HUB_ORGS },
  reasoning: { effort: { field: "reasoning_effort" }, toggle: { on: { reasoning: { enabled: true } }, off: { reasoning: { enabled: false } } } },
  overflow: { patterns: [/is longer than the model'?s context length/i] },
  hooks: { classifyError: (error) => classifyRateLimit(error, durationHeader("x-ratelimit-reset")) },
  unverified: ["slugs beyond deepseek-ai/DeepSeek-V3", "reasoning output field (reasoning or reasoning_content)", "x-ratelimit-reset in seconds"],
});
