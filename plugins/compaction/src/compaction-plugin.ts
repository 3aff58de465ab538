import { definePlugin, Stage } from "@bridle/core";
import { compactNow } from "./compact-now.js";
import { createCompactionEngine } from "./compaction-engine.js";
import { compactionOptionsSchema } from "./compaction-options.js";
import { fitRequest } from "./fit-request.js";
import { observeUsage } from "./observe-usage.js";
import { overflowRecovery } from "./overflow-recovery.js";
import { reconcileModelSwitch } from "./reconcile-model-switch.js";

const NAME = "compaction";

/**
 * The context engine. Taps `beforeRequest` (COMPACT: tiers, the overflow guard, forced compaction
 * after an overflow), `onModelSwitch` (COMPACT: usage update and reconcile), `onError` (COMPACT:
 * one compact-and-retry per turn, then a clear failure), `afterResponse` (OBSERVE: calibrates
 * token estimates per model from reported usage) and `compact` (COMPACT: `/compact [focus]`).
 * Wiring only; the logic is in pure functions.
 */
export const compactionPlugin = definePlugin({
  name: NAME,
  description: "Context engine: tiered compaction, model-switch reconcile and overflow recovery.",
  options: compactionOptionsSchema,
  // Thresholds and budgets only: a repository may tune them before its folder is trusted.
  harmlessOptions: ["tier1", "tier2", "tier3", "target", "keepRecentTurns", "reserveOutputTokens", "pruneMinTokens", "summaryMaxTokens", "summaryWindowShare", "summarizerClipChars", "calibrate"],
  apply(kernel, options) {
    const engine = createCompactionEngine(options);
    kernel.hooks.beforeRequest.tapPromise({ name: NAME, stage: Stage.COMPACT }, (request, context) => fitRequest(request, context, engine));
    kernel.hooks.onModelSwitch.tapPromise({ name: NAME, stage: Stage.COMPACT }, (change, context) => reconcileModelSwitch(change, context, engine));
    kernel.hooks.onError.tapPromise({ name: NAME, stage: Stage.COMPACT }, async (error, context) => overflowRecovery(error, context, engine));
    kernel.hooks.afterResponse.tapPromise({ name: NAME, stage: Stage.OBSERVE }, async (response, context) => {
      observeUsage(response, context, engine);
      return response;
    });
    kernel.hooks.compact.tapPromise({ name: NAME, stage: Stage.COMPACT }, (request, context) => compactNow(context, request, engine));
  },
});
