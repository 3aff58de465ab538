import type { SessionContext } from "@bridle/core";
import { formatTokens } from "@bridle/core";
import { applyCompaction } from "./apply-compaction.js";
import { type CompactionEngine, calibratedTokens, ratioOf } from "./compaction-engine.js";
import { compactToTarget } from "./compact-to-target.js";
import { sameMessages } from "./same-messages.js";
import { sessionState } from "./session-state.js";
import { summarizerFor } from "./summarizer-for.js";
import { thresholdsFor } from "./thresholds-for.js";

/** What `/compact [focus]` asks for. */
export interface ManualCompactionRequest {
  /** What the summary must pay attention to. */
  focus?: string;
  signal?: AbortSignal;
}

/** What `/compact` did, in the shape the interactive screen shows. */
export interface ManualCompactionOutcome {
  tokensBefore: number;
  tokensAfter: number;
  message: string;
}

/**
 * Compacts the session now (`/compact [focus]`): summarizes everything but the recent turns with
 * the current model, whatever the tiers say, keeping `focus` in the brief. Uses the options and
 * calibrations of the plugin loaded for the session; a session the plugin has not seen yet uses
 * `engine` (default options when absent). Posts `compaction.done` and counts once, like automatic
 * compactions.
 */
export async function compactNow(context: SessionContext, request: ManualCompactionRequest = {}, engine?: CompactionEngine): Promise<ManualCompactionOutcome> {
  const state = sessionState(context, engine);
  if (state.reconcile) await state.reconcile.done;
  const { options } = state.engine;
  const limits = context.limits();
  const counter = context.tokens;
  const conversation = context.conversation.messages();
  const ratio = ratioOf(state.engine, context.model.id);
  const tokensBefore = calibratedTokens(state.engine, context.model.id, state.fixedTokens + state.ledger.total(conversation, counter));
  const thresholds = thresholdsFor(options, limits);
  const outcome = await compactToTarget({
    messages: conversation,
    target: { thresholds, fixedTokens: state.fixedTokens, ratio },
    settings: options,
    summarizers: [summarizerFor(context, { model: context.model.id, gateway: context.gateway }, state.engine, request.signal)],
    counter,
    pruneFirst: false,
    ...(request.focus ? { focus: request.focus } : {}),
    ...(request.signal ? { signal: request.signal } : {}),
  });
  if (sameMessages(outcome.messages, conversation)) {
    return { tokensBefore, tokensAfter: tokensBefore, message: `nothing to compact: only the last ${Math.max(1, outcome.keptTurns)} turn${outcome.keptTurns === 1 ? "" : "s"} are in the conversation` };
  }
  const tokensAfter = Math.ceil((state.fixedTokens + outcome.tokens) * ratio);
  const message =
    outcome.strategy === "summary"
      ? `compacted ${formatTokens(tokensBefore)} to ${formatTokens(tokensAfter)} tokens: summarized ${outcome.summarized} messages${outcome.passes > 1 ? ` in ${outcome.passes} passes` : ""}, kept the last ${outcome.keptTurns} turn${outcome.keptTurns === 1 ? "" : "s"} verbatim`
      : outcome.strategy === "digest"
        ? `compacted ${formatTokens(tokensBefore)} to ${formatTokens(tokensAfter)} tokens without a summary (${outcome.failures.join("; ")})`
        : `compacted ${formatTokens(tokensBefore)} to ${formatTokens(tokensAfter)} tokens`;
  const applied = applyCompaction(context, state, outcome.messages, conversation, { reason: "manual", tokensBefore, tokensAfter }, {
    level: outcome.strategy === "digest" ? "warn" : "info",
    message,
    data: { strategy: outcome.strategy, passes: outcome.passes, summarized: outcome.summarized, failures: outcome.failures, ...(request.focus ? { focus: request.focus } : {}) },
  });
  if (!applied) return { tokensBefore, tokensAfter: tokensBefore, message: "nothing compacted: another compaction changed the conversation meanwhile" };
  return { tokensBefore, tokensAfter, message };
}
