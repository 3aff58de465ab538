import type { CanonicalModelId, ModelRegistry } from "@bridle/core";

/**
 * Whether the registry records `gateway` serving the model: the shipped snapshot or a
 * `bridle models refresh` listed it there. The one rule `bridle models`, `models resolve`, the
 * `/model` picker and a switch use, so that they agree on who serves what.
 */
export function servesModel(models: ModelRegistry, id: CanonicalModelId, gateway: string): boolean {
  return models.get(id)?.gateways?.[gateway] !== undefined;
}

/** The gateways among `gatewayIds` the registry records serving the model, in that order. */
export function servingGateways(models: ModelRegistry, id: CanonicalModelId, gatewayIds: readonly string[]): string[] {
  return gatewayIds.filter((gateway) => servesModel(models, id, gateway));
}

/**
 * The gateways among `gatewayIds` that spell the model exactly as typed (ignoring case), by the
 * registry's slug or the gateway's slug rule: `accounts/fireworks/models/kimi-k2-instruct-0905`
 * is Fireworks' own spelling, so typing it means Fireworks. The canonical id names no gateway.
 */
export function gatewaysSpelling(models: ModelRegistry, id: CanonicalModelId, input: string, gatewayIds: readonly string[]): string[] {
  const typed = input.trim().toLowerCase();
  if (typed === id.toLowerCase()) return [];
  return gatewayIds.filter((gateway) => models.slugFor(id, gateway).toLowerCase() === typed);
}
