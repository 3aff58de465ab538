import { type CanonicalizeOptions, createCanonicalizer } from "./create-canonicalizer.js";
import type { ModelIdentity } from "./model-identity.js";
import { SNAPSHOT_IDS, SNAPSHOT_MODELS } from "./snapshot/snapshot-models.js";

const hybridIds = new Set(SNAPSHOT_MODELS.filter((model) => model.reasoning === "optional").map((model) => model.id));
const defaultCanonicalizer = createCanonicalizer({ knownIds: SNAPSHOT_IDS, isHybrid: (id) => hybridIds.has(id) });

/**
 * Resolves any model string, in any gateway's spelling, to its canonical identity, using the
 * shipped snapshot as the known-model catalog. Synchronous and memoized (bounded). `gateway` is a
 * hint: any string is accepted, including gateways Bridle has no adapter for.
 *
 * @example canonicalize("accounts/fireworks/models/kimi-k2p6").id === "kimi-k2.6"
 * @throws TypeError when `modelId` is empty or names no model.
 */
export function canonicalize(modelId: string, options?: CanonicalizeOptions): ModelIdentity {
  return defaultCanonicalizer.canonicalize(modelId, options);
}

/** Empties the memo of {@link canonicalize} (benchmarks measure cold resolution with it). */
export function clearCanonicalizeCache(): void {
  defaultCanonicalizer.clearCache();
}
