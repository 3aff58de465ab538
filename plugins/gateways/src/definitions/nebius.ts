import { defineGateway } from "@bridle/core";
import { HUB_ORGS } from "../slug-orgs.js";

/** Nebius Token Factory (formerly AI Studio, `api.studio.nebius.com`): Hugging Face repo ids; the rest follows the generic rules. */
export const nebius = defineGateway({
  id: "nebius",
  name: "Nebius Token Factory",
  baseURL: "https://api.tokenfactory.nebius.com/v1",
  apiKeyEnv: "NEBIUS_API_KEY",
  endpoints: [{ id: "nebius-studio", baseURL: "https://api.studio.nebius.com/v1" }],
  slugs: { style: "hub", orgs: HUB_ORGS },
  unverified: ["slugs", "reasoning field", "usage fields", "overflow text", "error shape"],
});
