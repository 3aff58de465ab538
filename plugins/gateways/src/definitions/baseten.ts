import { defineGateway } from "@bridle/core";
import { HUB_ORGS } from "../slug-orgs.js";

/**
 * Baseten Model APIs: Hugging Face repo ids, reasoning in `delta.reasoning`, thinking switched by
 * `chat_template_args.enable_thinking`; NVIDIA Dynamo KV-aware routing behind it.
 */
export const baseten = defineGateway({
  id: "baseten",
  name: "Baseten",
  baseURL: "https://inference.baseten.co/v1",
  apiKeyEnv: "BASETEN_API_KEY",
  slugs: { style: "hub", orgs: HUB_ORGS },
  reasoning: { toggle: { on: { chat_template_args: { enable_thinking: true } }, off: { chat_template_args: { enable_thinking: false } } } },
  unverified: ["overflow text", "error shape", "rate-limit headers"],
});
