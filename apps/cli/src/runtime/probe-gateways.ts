import type { GatewayDefinition, GatewayRegistry } from "@bridle/core";
import { fetchModelList } from "../catalog/fetch-model-list.js";
import type { CatalogEntry } from "../catalog/parse-model-list.js";

/** A gateway that can be used now, and what its `/models` said (undefined when it did not answer). */
export interface AvailableGateway {
  definition: GatewayDefinition;
  /** The slugs it listed just now; undefined when the list could not be read (then the record stands, unverified). */
  listed: CatalogEntry[] | undefined;
}

/** How long a gateway's model list may take when the user is waiting on it. */
export const PROBE_TIMEOUT_MS = 2_500;

/**
 * The gateways the user can use now: remote ones whose key is set, and local servers that answer
 * (a local server that is not running is left out). Every one is asked for its model list at
 * once, each with its own key only.
 */
export async function probeGateways(gateways: GatewayRegistry, environment: NodeJS.ProcessEnv, timeoutMs = PROBE_TIMEOUT_MS): Promise<AvailableGateway[]> {
  const answers = await askForModels(gateways, gateways.usable(environment), environment, timeoutMs);
  return answers.filter((answer) => !answer.definition.local || answer.listed !== undefined);
}

/** The local servers (Ollama, LM Studio, vLLM, llama.cpp, ...) answering now, with what they serve. */
export async function runningLocalGateways(gateways: GatewayRegistry, environment: NodeJS.ProcessEnv, timeoutMs = 1_000): Promise<AvailableGateway[]> {
  const answers = await askForModels(gateways, gateways.list().filter((definition) => definition.local), environment, timeoutMs);
  return answers.filter((answer) => answer.listed !== undefined);
}

function askForModels(gateways: GatewayRegistry, definitions: readonly GatewayDefinition[], environment: NodeJS.ProcessEnv, timeoutMs: number): Promise<AvailableGateway[]> {
  return Promise.all(
    definitions.map(async (definition) => {
      try {
        return { definition, listed: await fetchModelList(definition, gateways.apiKey(definition.id, environment), timeoutMs) };
      } catch {
        return { definition, listed: undefined };
      }
    }),
  );
}
