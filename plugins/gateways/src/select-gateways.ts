import type { GatewayDefinition } from "@bridle/core";

/**
 * The definitions not named in `skip`, in their built-in order.
 * @throws TypeError naming `plugins.gateways.skip` and the unknown id.
 */
export function selectGateways(definitions: readonly GatewayDefinition[], skip: readonly string[]): GatewayDefinition[] {
  const known = new Set(definitions.map((gateway) => gateway.id));
  for (const id of skip) {
    if (!known.has(id)) throw new TypeError(`plugins.gateways.skip: unknown gateway "${id}"; built-in gateways: ${[...known].join(", ")}`);
  }
  return definitions.filter((gateway) => !skip.includes(gateway.id));
}
