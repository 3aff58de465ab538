import type { GatewayRegistry } from "@bridle/core";

/**
 * Why requests to a gateway cannot carry the key they need, in words the user can act on, or
 * `undefined` when they can (or need none).
 */
export function keyProblem(gateways: GatewayRegistry, id: string, environment: NodeJS.ProcessEnv): string | undefined {
  const definition = gateways.get(id);
  if (!definition) return undefined;
  const decision = gateways.keyDecision(id, environment);
  if (decision.kind === "refused") return decision.reason;
  if (decision.kind === "granted" || definition.local) return undefined;
  return `no API key for ${definition.name}: set ${definition.apiKeyEnv ?? `gateways.${id}.apiKeyEnv`} in the environment`;
}
