import type { ChatResponse, TurnContext } from "@bridle/core";
import { CALIBRATION_MIN_TOKENS, updateCalibration } from "./calibration.js";
import type { CompactionEngine } from "./compaction-engine.js";
import { exactTokens, upperBoundTokens } from "./request-estimate.js";
import { type CompactionSessionState, sessionState } from "./session-state.js";
import { usageEvent } from "./usage-event.js";

/** A ratio change worth telling the feed (and the gauge) about. */
const ANNOUNCE_CHANGE = 0.05;
/** Usage reports kept for calibration until the tokenizer is loaded (the newest ones). */
const MAX_DEFERRED_USAGE = 4;

/**
 * The `afterResponse` step (stage OBSERVE): folds the prompt tokens the gateway reported into the
 * model's calibration, against the estimate made for the same request. Posts a `context.usage`
 * event when a model's ratio is first known or moves by more than 5 %. Never changes the response.
 * A request that was only bounded (see `fitRequest`) is kept and folded in by `foldDeferredUsage`
 * once a request needs exact counts, so the tokenizer never loads here.
 */
export function observeUsage(response: ChatResponse, context: TurnContext, engine: CompactionEngine): void {
  const state = sessionState(context, engine);
  const pending = state.pending;
  if (!pending || pending.turn !== context.turn || pending.attempt !== context.attempt) return;
  state.pending = undefined;
  const reported = response.usage?.inputTokens;
  if (!engine.options.calibrate || reported === undefined) return;
  if (pending.estimated === undefined) {
    // Requests this small are skipped by the calibration anyway: the bound is above the exact count.
    if (!(upperBoundTokens(pending.request) >= CALIBRATION_MIN_TOKENS)) return;
    state.deferredUsage.push({ model: pending.model, request: pending.request, reported, window: pending.window });
    state.deferredUsage.splice(0, state.deferredUsage.length - MAX_DEFERRED_USAGE);
    return;
  }
  foldUsage(context, state, pending.model, pending.estimated, reported, pending.window);
}

/** Folds the usage kept while the tokenizer was not loaded into the calibrations, oldest first. */
export function foldDeferredUsage(context: TurnContext, state: CompactionSessionState): void {
  for (const usage of state.deferredUsage.splice(0)) {
    foldUsage(context, state, usage.model, exactTokens(usage.request, context.tokens), usage.reported, usage.window);
  }
}

function foldUsage(context: TurnContext, state: CompactionSessionState, model: string, estimated: number, reported: number, window: number): void {
  const engine = state.engine;
  const before = engine.calibrations.get(model);
  const after = updateCalibration(before, { estimated, reported });
  if (!after || after === before) return;
  engine.calibrations.set(model, after);
  const announced = state.announcedRatio.get(model);
  if (announced !== undefined && Math.abs(after.ratio - announced) <= announced * ANNOUNCE_CHANGE) return;
  state.announcedRatio.set(model, after.ratio);
  context.emit(
    usageEvent({
      model,
      gateway: context.gateway,
      tokens: reported,
      contextWindow: window,
      ratio: after.ratio,
      compactions: state.compactions,
      cause: "calibrated",
    }),
  );
}
