import type { GatewayRegistry } from "@bridle/core";
import { keyProblem } from "./key-problem.js";

/** Why no model can be used, in words the user can act on. */
export class NoModelError extends Error {
  constructor(
    message: string,
    readonly reason: "no-key" | "key-refused" | "no-model" | "unknown-gateway",
  ) {
    super(message);
    this.name = "NoModelError";
  }
}

/**
 * Picks the gateway and model for a run: flags and config first; without a gateway, the first
 * configured gateway that has a key. Throws {@link NoModelError} with what to set.
 */
export function selectTarget(
  settings: { model?: unknown; gateway?: unknown },
  gateways: GatewayRegistry,
  environment: NodeJS.ProcessEnv,
): { model: string; gateway: string } {
  const requested = typeof settings.gateway === "string" ? settings.gateway : undefined;
  if (requested && !gateways.get(requested)) {
    throw new NoModelError(
      `unknown gateway "${requested}"; known: ${gateways.list().map((gateway) => gateway.id).join(", ")} (add others under "gateways" in bridle.config.json)`,
      "unknown-gateway",
    );
  }
  const usable = gateways.usable(environment).filter((gateway) => !gateway.local || gateway.id === requested);
  const gateway = requested ?? usable[0]?.id;
  if (!gateway) {
    const names = gateways
      .list()
      .filter((entry) => entry.apiKeyEnv && !entry.local)
      .map((entry) => entry.apiKeyEnv)
      .slice(0, 6)
      .join(", ");
    throw new NoModelError(`no API key is set for any gateway (for example ${names}); run \`bridle demo\` to see Bridle work offline`, "no-key");
  }
  const problem = keyProblem(gateways, gateway, environment);
  if (problem) throw new NoModelError(problem, gateways.keyDecision(gateway, environment).kind === "refused" ? "key-refused" : "no-key");
  const model = typeof settings.model === "string" ? settings.model : undefined;
  if (!model) {
    throw new NoModelError('no model configured: pass --model <model> or set "model" in bridle.config.json', "no-model");
  }
  return { model, gateway };
}
