import { type ModelLimits, outputReserve } from "@bridle/core";
import type { CompactionOptions } from "./compaction-options.js";
import { type CompactionThresholds, compactionThresholds } from "./plan-compaction.js";

/**
 * The tiers for a model's limits: the output reserve is the one a request makes (`outputReserve`:
 * scaled to the window and the model's real maximum output, `requestedOutput` when the request
 * asked for less) and at most `reserveOutputTokens`. Every caller (each request, a model switch,
 * `/compact`) reads the tiers from here, so they agree with each other and with `/context`.
 */
export function thresholdsFor(
  options: Pick<CompactionOptions, "reserveOutputTokens" | "tier1" | "tier2" | "tier3" | "target">,
  limits: Pick<ModelLimits, "contextWindow" | "maxOutputTokens">,
  requestedOutput?: number,
): CompactionThresholds {
  return compactionThresholds({
    window: limits.contextWindow,
    reserve: Math.min(options.reserveOutputTokens, outputReserve(limits, requestedOutput)),
    tier1: options.tier1,
    tier2: options.tier2,
    tier3: options.tier3,
    target: options.target,
  });
}
