import type { CanonicalModelId, LimitSource, ModelRegistry } from "@bridle/core";
import { servesModel } from "../runtime/served-by.js";
import type { AvailableGateway } from "../runtime/probe-gateways.js";

/** One entry of the `/model` picker: a model on a gateway that can be used now. */
export interface ModelChoice {
  model: string;
  gateway: string;
  contextWindow: number;
  source: LimitSource;
  current: boolean;
  /** The gateway listed the model just now; false when only the registry's record says it serves it. */
  verified: boolean;
}

/**
 * What the user can pick: on each gateway that can be used now (a key is set, or a local server
 * answered), the models it serves: those its `/models` listed just now, and, when that list could
 * not be read, those the registry records it serving (marked unverified). Models nobody records a
 * gateway serving are not offered (they stay reachable with `/model <model> <gateway>`). The
 * current pair comes first; then its gateway, other remote gateways, and local servers.
 *
 * @param resolve the `resolveModel` funnel: a listed slug to its canonical id
 */
export function modelChoices(
  models: ModelRegistry,
  resolve: (slug: string, gateway: string) => string,
  available: readonly AvailableGateway[],
  current: { model: string; gateway: string },
): ModelChoice[] {
  const choice = (model: string, gateway: string, verified: boolean): ModelChoice => {
    const limits = models.limits(model as CanonicalModelId, gateway);
    return { model, gateway, contextWindow: limits.contextWindow, source: limits.source, current: model === current.model && gateway === current.gateway, verified };
  };
  const seen = new Set<string>([`${current.model}@${current.gateway}`]);
  let currentVerified = false;
  const rest: ModelChoice[] = [];
  for (const { definition, listed } of available) {
    const offered = listed
      ? listed.map((entry) => ({ model: resolve(entry.slug, definition.id), verified: true }))
      : models.list().flatMap((info) => (servesModel(models, info.id as CanonicalModelId, definition.id) ? [{ model: info.id, verified: false }] : []));
    for (const { model, verified } of offered) {
      const key = `${model}@${definition.id}`;
      if (key === `${current.model}@${current.gateway}`) currentVerified ||= verified;
      if (seen.has(key)) continue;
      seen.add(key);
      rest.push(choice(model, definition.id, verified));
    }
  }
  const rank = (entry: ModelChoice) => (entry.gateway === current.gateway ? 0 : available.find((gateway) => gateway.definition.id === entry.gateway)?.definition.local ? 2 : 1);
  rest.sort((a, b) => rank(a) - rank(b) || a.gateway.localeCompare(b.gateway) || a.model.localeCompare(b.model));
  return [choice(current.model, current.gateway, currentVerified), ...rest];
}
