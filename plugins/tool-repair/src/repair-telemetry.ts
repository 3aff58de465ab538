/** Repairs counted per rule, canonical model and gateway: `counts[rule][model][gateway]`. */
export type RepairCounts = Record<string, Record<string, Record<string, number>>>;

const STATE_KEY = "tool-repair.telemetry";

/**
 * The repair counts of a session, kept in the session state so `/context` and `bridle doctor`
 * can show them, and so per-model defaults can be tuned from real data later.
 */
export function repairTelemetry(state: Map<string, unknown>): RepairCounts {
  let counts = state.get(STATE_KEY) as RepairCounts | undefined;
  if (!counts) {
    counts = {};
    state.set(STATE_KEY, counts);
  }
  return counts;
}

/** Adds one firing of each rule for a canonical model on a gateway. */
export function countRepairs(state: Map<string, unknown>, rules: readonly string[], model: string, gateway: string): void {
  const counts = repairTelemetry(state);
  for (const rule of rules) {
    const byModel = (counts[rule] ??= {});
    const byGateway = (byModel[model] ??= {});
    byGateway[gateway] = (byGateway[gateway] ?? 0) + 1;
  }
}
