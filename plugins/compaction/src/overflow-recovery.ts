import type { HarnessError, Recovery, TurnContext } from "@bridle/core";
import { formatTokens } from "@bridle/core";
import { raiseCalibrationForOverflow } from "./calibration.js";
import { type CompactionEngine, calibratedTokens } from "./compaction-engine.js";
import { exactTokens } from "./request-estimate.js";
import { sessionState } from "./session-state.js";

/**
 * The `onError` step (stage COMPACT): a gateway's overflow error (recognised per gateway by the
 * transport) gets one compact-and-retry per turn; a second overflow in the same turn stops the
 * turn with a message that says what to do. Other errors pass to the next tap.
 *
 * When the estimate said the request would fit and the window did not change (no limit was
 * learned from the error text), the model's calibration is raised so the estimate cannot claim
 * that again.
 */
export function overflowRecovery(error: HarnessError, context: TurnContext, engine: CompactionEngine): Recovery | undefined {
  if (error.kind !== "overflow") return undefined;
  const state = sessionState(context, engine);
  const pending = state.pending;
  const window = context.limits().contextWindow;
  const estimated = pending ? (pending.estimated ?? exactTokens(pending.request, context.tokens)) : undefined;
  if (engine.options.calibrate && pending && pending.model === context.model.id && window >= pending.window) {
    const raised = raiseCalibrationForOverflow(engine.calibrations.get(pending.model), estimated!, Math.max(1, window - pending.maxOutputTokens));
    if (raised) engine.calibrations.set(pending.model, raised);
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
