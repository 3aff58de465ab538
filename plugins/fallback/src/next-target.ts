import type { SessionRoute } from "@bridle/core";

/** A model (as configured, or canonical) on a gateway; the agent resolves it when it switches. */
export interface RouteTarget {
  model: string;
  gateway: string;
}

/** What a fallback may use, as the plugin checks it. */
export interface TargetChecks {
  /** The variable to set when a gateway has no key; `undefined` when it can be used. */
  missingKey(gateway: string): string | undefined;
  /** The time an open breaker keeps the gateway out; `undefined` when it may be tried. */
  openUntil(gateway: string): number | undefined;
}

export interface NextTarget {
  to: RouteTarget | undefined;
  /** Targets passed over, each with why. */
  skipped: Array<RouteTarget & { reason: string }>;
}

/**
 * The next place to serve the answer: the same model on the next gateway of the configured
 * order, then each fallback model across the gateways, in order; never a target already tried
 * for this answer, never a gateway without its own key, never one whose breaker is open.
 */
export function nextTarget(route: SessionRoute, model: string, current: RouteTarget, tried: ReadonlySet<string>, checks: TargetChecks): NextTarget {
  const models = [model, ...route.fallbackModels.filter((fallback) => fallback !== model)];
  const skipped: NextTarget["skipped"] = [];
  const seen = new Set<string>();
  for (const candidateModel of models) {
    for (const gateway of route.gateways) {
      const key = targetKey({ model: candidateModel, gateway });
      if (seen.has(key) || tried.has(key) || (candidateModel === current.model && gateway === current.gateway)) continue;
      seen.add(key);
      const variable = checks.missingKey(gateway);
      if (variable !== undefined) {
        skipped.push({ model: candidateModel, gateway, reason: `${variable} is not set` });
        continue;
      }
      const until = checks.openUntil(gateway);
      if (until !== undefined) {
        skipped.push({ model: candidateModel, gateway, reason: `its circuit breaker is open until ${new Date(until).toISOString()}` });
        continue;
      }
      return { to: { model: candidateModel, gateway }, skipped };
    }
  }
  return { to: undefined, skipped };
}

/** One key per model on a gateway. */
export function targetKey(target: RouteTarget): string {
  return `${target.model}\u0000${target.gateway}`;
}
