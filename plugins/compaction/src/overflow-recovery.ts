import type { HarnessError, Recovery, TurnContext } from "@bridle/core";
import { formatTokens } from "@bridle/core";
import { calibrationFromStatedPrompt, raiseCalibrationForOverflow } from "./calibration.js";
import { type CompactionEngine, calibratedTokens } from "./compaction-engine.js";
import { exactTokens } from "./request-estimate.js";
import { saveState } from "./saved-state.js";
import { STATE_KEY, sessionState } from "./session-state.js";

/**
 * The `onError` step (stage COMPACT): a gateway's overflow error (recognised per gateway by the
 * transport) gets one compact-and-retry per turn; a second overflow in the same turn stops the
 * turn with a message that says what to do. Other errors pass to the next tap.
 *
 * When the error states its numbers ("maximum context length is 32768 tokens … you requested
 * 40000"), the window is learned from them and the calibration set from the prompt size the
 * gateway counted, so the retry is fitted to what the gateway enforces. Otherwise, when the
 * estimate said the request would fit and the window did not change, the model's calibration is
 * raised so the estimate cannot claim that again.
 */
export function overflowRecovery(error: HarnessError, context: TurnContext, engine: CompactionEngine): Recovery | undefined {
  if (error.kind !== "overflow") return undefined;
  const state = sessionState(context, engine);
  const pending = state.pending;
  const stated = error.classification?.kind === "overflow" ? error.classification : undefined;
  if (stated?.limit !== undefined && stated.limit < context.limits().contextWindow) {
    context.models.learn(context.model.id, context.gateway, stated.limit);
  }
  const window = context.limits().contextWindow;
  const estimated = pending ? (pending.estimated ?? exactTokens(pending.request, context.tokens)) : undefined;
  const sameRequest = pending !== undefined && pending.model === context.model.id;
  const countedPrompt = stated?.prompt ?? (stated?.requested !== undefined && pending ? stated.requested - pending.maxOutputTokens : undefined);
  if (engine.options.calibrate && sameRequest && countedPrompt !== undefined && countedPrompt > 0) {
    const set = calibrationFromStatedPrompt(engine.calibrations.get(pending.model), estimated!, countedPrompt);
    if (set) engine.calibrations.set(pending.model, set);
  } else if (engine.options.calibrate && sameRequest && window >= pending.window) {
    const raised = raiseCalibrationForOverflow(engine.calibrations.get(pending.model), estimated!, Math.max(1, window - pending.maxOutputTokens));
    if (raised && raised !== engine.calibrations.get(pending.model)) {
      engine.calibrations.set(pending.model, raised);
      saveState(context, STATE_KEY, engine, state.compactions);
    }
  }
  if (state.overflowTurn !== context.turn) {
    state.overflowTurn = context.turn;
    return { action: "compact-and-retry", reason: `the prompt did not fit ${context.model.id}'s window on ${context.gateway}` };
  }
  const tokens = pending ? calibratedTokens(engine, pending.model, estimated!) : undefined;
  return {
    action: "fail",
    message:
      `${context.gateway} still says the conversation does not fit ${context.model.id}'s ${formatTokens(window)}-token window ` +
      `after compacting once${tokens !== undefined ? ` (about ${formatTokens(tokens)} tokens now)` : ""}. ` +
      "Run /compact with what to keep to shrink it further, switch to a model with a larger window with /model, or start a new session.",
  };
}
