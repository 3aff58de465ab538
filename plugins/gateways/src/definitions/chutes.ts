import { defineGateway } from "@bridle/core";
import { HUB_ORGS } from "../slug-orgs.js";

/**
 * Chutes: Hugging Face repo ids, `max_tokens` only, reasoning sent twice (`reasoning_content`
 * and `reasoning` with the same text; the generic reader takes the first non-empty field only),
 * no `developer` role, no `store`, FastAPI-style `{"detail": …}` errors.
 */
export const chutes = defineGateway({
  id: "chutes",
  name: "Chutes",
  baseURL: "https://llm.chutes.ai/v1",
  apiKeyEnv: "CHUTES_API_KEY",
  slugs: { style: "hub", orgs: HUB_ORGS },
  request: { maxTokensField: "max_tokens", drop: ["store"] },
  errors: { retryablePatterns: [/no instances available/i] },
  capabilities: { developerRole: false },
  unverified: ["detail error shape", "overflow text (SGLang style)"],
});
