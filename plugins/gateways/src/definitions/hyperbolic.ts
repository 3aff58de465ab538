import { defineGateway } from "@bridle/core";
import { HUB_ORGS } from "../slug-orgs.js";

/** Hyperbolic: Hugging Face repo ids on vLLM engines; everything else follows the generic rules. */
export const hyperbolic = defineGateway({
  id: "hyperbolic",
  name: "Hyperbolic",
  baseURL: "https://api.hyperbolic.xyz/v1",
  apiKeyEnv: "HYPERBOLIC_API_KEY",
  slugs: { style: "hub", orgs: HUB_ORGS },
  unverified: ["base URL", "key variable", "slugs", "reasoning field", "error shape", "overflow text"],
});
