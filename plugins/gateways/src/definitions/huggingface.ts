import { defineGateway } from "@bridle/core";
import { HUB_ORGS } from "../slug-orgs.js";

/**
 * Hugging Face Inference Providers router: Hugging Face repo ids, optionally `repo:provider` to
 * pick the upstream; the upstream's behaviour (reasoning field, tool-argument streaming, error
 * texts) is passed through, so the generic rules apply.
 */
export const huggingface = defineGateway({
  id: "huggingface",
  name: "Hugging Face",
  baseURL: "https://router.huggingface.co/v1",
  apiKeyEnv: "HF_TOKEN",
  apiKeyEnvAlternatives: ["HUGGINGFACE_API_KEY"],
  slugs: { style: "hub", orgs: HUB_ORGS },
  unverified: ["key variable HF_TOKEN", "error texts (the upstream's)"],
});
