import { defineGateway } from "@bridle/core";
import { ROUTER_ORGS } from "../slug-orgs.js";

/** Novita: lower-case `org/name` slugs (GLM under `zai-org`), `max_tokens`, no `developer` role, no `store`. */
export const novita = defineGateway({
  id: "novita",
  name: "Novita",
  baseURL: "https://api.novita.ai/openai/v1",
  apiKeyEnv: "NOVITA_API_KEY",
  slugs: { style: "lower", orgs: { ...ROUTER_ORGS, glm: "zai-org" } },
  request: { maxTokensField: "max_tokens", drop: ["store"] },
  capabilities: { developerRole: false },
  unverified: ["reasoning output field", "error shape", "overflow text (vLLM style)"],
});
