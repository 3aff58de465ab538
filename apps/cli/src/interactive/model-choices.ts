import type { CanonicalModelId, GatewayDefinition, LimitSource, ModelRegistry } from "@bridle/core";

/** One entry of the `/model` picker: a model on a gateway that can be used now. */
export interface ModelChoice {
  model: string;
  gateway: string;
  contextWindow: number;
  source: LimitSource;
  current: boolean;
}

/**
 * The models the registry knows on every gateway that can be used now (a key is set, or it is
 * local), with the window that model has on that gateway. The current pair comes first, even
 * when the registry does not describe it; then the current gateway, other remote gateways, and
 * local servers last. Within a gateway, the models the registry records it serving (the
 * snapshot, or `bridle models refresh`) come first: that record is incomplete, so the others
 * stay reachable below them.
 */
export function modelChoices(models: ModelRegistry, usable: readonly GatewayDefinition[], current: { model: string; gateway: string }): ModelChoice[] {
  const choice = (model: string, gateway: string): ModelChoice => {
    const limits = models.limits(model as CanonicalModelId, gateway);
    return { model, gateway, contextWindow: limits.contextWindow, source: limits.source, current: model === current.model && gateway === current.gateway };
  };
  const rest: Array<ModelChoice & { served: boolean }> = [];
  for (const info of models.list()) {
    for (const gateway of usable) {
      if (info.id === current.model && gateway.id === current.gateway) continue;
      rest.push({ ...choice(info.id, gateway.id), served: info.gateways?.[gateway.id] !== undefined });
    }
  }
  // The current gateway's models first, then remote gateways, then local servers (which may not run).
  const rank = (choice: ModelChoice) => (choice.gateway === current.gateway ? 0 : usable.find((gateway) => gateway.id === choice.gateway)?.local ? 2 : 1);
  rest.sort((a, b) => rank(a) - rank(b) || a.gateway.localeCompare(b.gateway) || Number(b.served) - Number(a.served) || a.model.localeCompare(b.model));
  return [choice(current.model, current.gateway), ...rest.map(({ served: _served, ...entry }) => entry)];
}
