import { defineGateway } from "@bridle/core";
import { HUB_ORGS } from "../slug-orgs.js";

/**
 * SiliconFlow (international `.com`; the `.cn` endpoint takes other keys): Hugging Face repo ids,
 * reasoning in `delta.reasoning_content`, thinking switched by `enable_thinking`, errors as a
 * flat `{code, message, data}` body.
 */
export const siliconflow = defineGateway({
  id: "siliconflow",
  name: "SiliconFlow",
  baseURL: "https://api.siliconflow.com/v1",
  apiKeyEnv: "SILICONFLOW_API_KEY",
  slugs: { style: "hub", orgs: HUB_ORGS },
  reasoning: { toggle: { on: { enable_thinking: true }, off: { enable_thinking: false } } },
  errors: { rateLimitPatterns: [/rejected due to rate limiting/i, /system is too busy/i] },
  unverified: ["slugs", "enable_thinking", "error shape and codes", "overflow text"],
});
