import type { ChatResponse, TurnContext } from "@bridle/core";
import { updateCalibration } from "./calibration.js";
import type { CompactionEngine } from "./compaction-engine.js";
import { saveState } from "./saved-state.js";
import { STATE_KEY, sessionState } from "./session-state.js";
import { usageEvent } from "./usage-event.js";

/** A ratio change worth telling the feed (and the gauge) about. */
const ANNOUNCE_CHANGE = 0.05;

/**
 * The `afterResponse` step (stage OBSERVE): folds the prompt tokens the gateway reported into the
 * model's calibration, against the estimate made for the same request, and saves it to the
 * session log so a resumed session starts calibrated. Posts a `context.usage`
 * event when a model's ratio is first known or moves by more than 5 %. Never changes the response.
 */
export function observeUsage(response: ChatResponse, context: TurnContext, engine: CompactionEngine): void {
  const state = sessionState(context, engine);
  const pending = state.pending;
  if (!pending || pending.turn !== context.turn || pending.attempt !== context.attempt) return;
  state.pending = undefined;
  const reported = response.usage?.inputTokens;
  if (!engine.options.calibrate || reported === undefined) return;
  const before = engine.calibrations.get(pending.model);
  const after = updateCalibration(before, { estimated: pending.estimated, reported });
  if (!after || after === before) return;
  engine.calibrations.set(pending.model, after);
  saveState(context, STATE_KEY, engine, state.compactions);
  const announced = state.announcedRatio.get(pending.model);
  if (announced !== undefined && Math.abs(after.ratio - announced) <= announced * ANNOUNCE_CHANGE) return;
  state.announcedRatio.set(pending.model, after.ratio);
  context.emit(
    usageEvent({
      model: pending.model,
      gateway: context.gateway,
      tokens: reported,
      contextWindow: pending.window,
      ratio: after.ratio,
      compactions: state.compactions,
      cause: "calibrated",
    }),
  );
}
