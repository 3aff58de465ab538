import { defineGateway } from "@bridle/core";
import { HUB_ORGS } from "../slug-orgs.js";

/**
 * Nebius Token Factory (formerly AI Studio): Hugging Face repo ids; the rest follows the generic
 * rules. The old `api.studio.nebius.com` host is an alias of the same service, not a second
 * endpoint: listing it would spread sessions over two names of one cache.
 */
export const nebius = defineGateway({
  id: "nebius",
  name: "Nebius Token Factory",
  baseURL: "https://api.tokenfactory.nebius.com/v1",
  apiKeyEnv: "NEBIUS_API_KEY",
  slugs: { style: "hub", orgs: HUB_ORGS },
  unverified: ["slugs", "reasoning field", "usage fields", "overflow text", "error shape"],
});
