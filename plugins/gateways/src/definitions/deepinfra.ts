import { defineGateway } from "@bridle/core";
import { HUB_ORGS } from "../slug-orgs.js";

/**
 * DeepInfra: Hugging Face repo ids and OpenAI-shaped usage whose `completion_tokens` may leave
 * out the reasoning tokens reported in `completion_tokens_details.reasoning_tokens`.
 */
export const deepinfra = defineGateway({
  id: "deepinfra",
  name: "DeepInfra",
  baseURL: "https://api.deepinfra.com/v1/openai",
  apiKeyEnv: "DEEPINFRA_API_KEY",
  slugs: { style: "hub", orgs: HUB_ORGS },
  reasoning: { effort: { field: "reasoning_effort" } },
  unverified: ["reasoning output field (reasoning_content)", "overflow text (vLLM style, maximum context length is N)"],
});
