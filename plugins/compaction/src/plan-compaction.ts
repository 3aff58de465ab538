/** What a compaction does, from least to most invasive. */
export type CompactionAction = "none" | "prune" | "prune-hard" | "summarize";

/** The token counts the tiers fire at, for one window. */
export interface CompactionThresholds {
  window: number;
  /** Output tokens kept free. */
  reserve: number;
  tier1: number;
  tier2: number;
  /** Tier 3, never above `limit`. */
  tier3: number;
  /** The most prompt tokens that still leave the reserve free: `window - reserve`. */
  limit: number;
  /** Where a tier-3 compaction aims (hysteresis: well below tier 1, so the next one is far away). */
  target: number;
}

/** A window, its output reserve and the tier fractions. */
export interface ThresholdInput {
  window: number;
  reserve: number;
  /** Fractions of the window. */
  tier1: number;
  tier2: number;
  tier3: number;
  /** Fraction of the window a summarizing compaction aims at. */
  target: number;
}

/**
 * The tiers as token counts for a window. The reserve comes first: tier 3 never lies above
 * `window - reserve`, and the target never above what tier 1 allows, so a compaction always
 * leaves room for the answer and for many turns before the next one.
 */
export function compactionThresholds(input: ThresholdInput): CompactionThresholds {
  const window = Math.max(1, Math.floor(input.window));
  const reserve = Math.min(Math.max(0, Math.floor(input.reserve)), Math.floor(window / 2));
  const limit = window - reserve;
  const tier3 = Math.min(Math.floor(window * input.tier3), limit);
  const tier2 = Math.min(Math.floor(window * input.tier2), tier3);
  const tier1 = Math.min(Math.floor(window * input.tier1), tier2);
  const target = Math.min(Math.floor(window * input.target), tier1);
  return { window, reserve, tier1, tier2, tier3, limit, target };
}

/** What the plan for one request is decided from. */
export interface PlanInput {
  /** Prompt tokens of the request as it stands (calibrated estimate). */
  used: number;
  thresholds: CompactionThresholds;
  /** Tokens a tier-1 prune and a tier-2 (hard) prune would free. */
  prunable: { soft: number; hard: number };
  /** Act as if tier 3 fired, whatever the estimate says (the gateway said the prompt overflowed). */
  forced?: boolean;
}

/** What to do before a request, and the tier that asked for it. */
export interface CompactionPlan {
  action: CompactionAction;
  /** The tier that fired (0 for none). */
  tier: 0 | 1 | 2 | 3;
}

/**
 * Decides what to do before a request. Compacts rarely and by a lot, because every compaction
 * changes the prompt prefix and costs a full prefill, so each tier acts only when it gets well
 * below where it fired (hysteresis):
 *
 * - tier 3 (or a forced one): get down to the target; a hard prune when that alone gets there,
 *   otherwise summarize older turns;
 * - tier 2: a hard prune, only when it gets the context below tier 1;
 * - tier 1: prune old tool outputs, only when that gets the context down to the target.
 *
 * A prune that would free only a little is skipped: the context grows on to the next tier, where
 * one larger compaction replaces many small ones. Below tier 1 nothing changes and the prefix
 * stays byte-stable.
 */
export function planCompaction(input: PlanInput): CompactionPlan {
  const { used, thresholds, prunable } = input;
  if (input.forced || used >= thresholds.tier3) {
    return { action: used - prunable.hard <= thresholds.target ? "prune-hard" : "summarize", tier: 3 };
  }
  if (used >= thresholds.tier2 && prunable.hard > 0 && used - prunable.hard <= thresholds.tier1) return { action: "prune-hard", tier: 2 };
  if (used >= thresholds.tier1 && prunable.soft > 0 && used - prunable.soft <= thresholds.target) return { action: "prune", tier: 1 };
  return { action: "none", tier: 0 };
}
