import type { ModelSwitch, SessionContext } from "@bridle/core";
import { formatTokens } from "@bridle/core";
import { applyCompaction } from "./apply-compaction.js";
import { type CompactionEngine, calibratedTokens, ratioOf } from "./compaction-engine.js";
import { compactToTarget } from "./compact-to-target.js";
import { sameMessages } from "./same-messages.js";
import { type CompactionSessionState, type ReconcileLock, sessionState } from "./session-state.js";
import { summarizerFor } from "./summarizer-for.js";
import { thresholdsFor } from "./thresholds-for.js";
import { usageEvent } from "./usage-event.js";

/** Follow-up rounds for switches that arrive while one is reconciled; more would mean a switch storm. */
const MAX_ROUNDS = 4;

/**
 * The `onModelSwitch` step: recomputes the window and posts a usage update, then compacts in
 * place, before the switch returns, when the window shrank and the conversation is past tier 3
 * of the new one. The summary is written by the outgoing model (it still holds the whole
 * history), aimed at the incoming window; after a fallback, when the outgoing model just failed,
 * by the incoming one.
 *
 * One reconcile runs at a time per session: a switch that arrives meanwhile posts its usage update,
 * is remembered and waits; when the running one finishes, it checks the newest switch and compacts
 * again only if that one needs it, and both switches return. Each compaction is counted once.
 */
export async function reconcileModelSwitch(change: ModelSwitch, context: SessionContext, engine: CompactionEngine): Promise<void> {
  const state = sessionState(context, engine);
  const running = state.reconcile;
  if (running) {
    running.latest = { change, context };
    postUsage(context, state, engine, "model-switch-during-reconcile");
    // The switch is done when its context is reconciled: the running reconcile takes it up next.
    await running.done;
    return;
  }
  let finish!: () => void;
  const lock: ReconcileLock = { done: new Promise<void>((resolve) => (finish = resolve)), latest: { change, context } };
  state.reconcile = lock;
  try {
    postUsage(context, state, engine, "model-switch");
    let current = lock.latest;
    for (let round = 0; round < MAX_ROUNDS; round++) {
      try {
        await reconcileOnce(current.change, current.context, state, engine);
      } catch (error) {
        // A switch is a fact: it stands even when compacting failed; the next request's guard
        // and the overflow recovery still protect the window.
        current.context.emit({
          type: "compaction.failed",
          level: "warn",
          message: `switched models, but compacting for ${current.change.to.model} failed: ${error instanceof Error ? error.message : String(error)}`,
        });
      }
      if (lock.latest === current) break;
      current = lock.latest;
    }
  } finally {
    state.reconcile = undefined;
    finish();
  }
}

function postUsage(context: SessionContext, state: CompactionSessionState, engine: CompactionEngine, cause: string): void {
  const local = state.fixedTokens + state.ledger.total(context.conversation.messages(), context.tokens);
  context.emit(
    usageEvent({
      model: context.model.id,
      gateway: context.gateway,
      tokens: calibratedTokens(engine, context.model.id, local),
      contextWindow: context.limits().contextWindow,
      ratio: ratioOf(engine, context.model.id),
      compactions: state.compactions,
      cause,
    }),
  );
}

async function reconcileOnce(change: ModelSwitch, context: SessionContext, state: CompactionSessionState, engine: CompactionEngine): Promise<void> {
  const { options } = engine;
  const incoming = context.limits();
  const outgoing = context.models.limits(change.from.model, change.from.gateway);
  // Same or larger window: nothing to do now; the next request's tiers decide.
  if (incoming.contextWindow >= outgoing.contextWindow) return;
  const counter = context.tokens;
  const conversation = context.conversation.messages();
  const used = calibratedTokens(engine, change.to.model, state.fixedTokens + state.ledger.total(conversation, counter));
  const thresholds = thresholdsFor(options, incoming);
  if (used < thresholds.tier3) return;

  const sameTarget = change.from.model === change.to.model && change.from.gateway === change.to.gateway;
  const summarizers = [
    // The outgoing model holds the whole history and can summarize it, unless it just failed.
    ...(change.reason === "fallback" || sameTarget ? [] : [summarizerFor(context, change.from, engine)]),
    summarizerFor(context, change.to, engine),
  ];
  const ratio = ratioOf(engine, change.to.model);
  const outcome = await compactToTarget({
    messages: conversation,
    target: { thresholds, fixedTokens: state.fixedTokens, ratio },
    settings: options,
    summarizers,
    counter,
    pruneFirst: true,
  });
  if (sameMessages(outcome.messages, conversation)) return;
  const tokensAfter = Math.ceil((state.fixedTokens + outcome.tokens) * ratio);
  const how =
    outcome.strategy === "prune-hard"
      ? "by pruning old tool outputs"
      : outcome.strategy === "summary"
        ? `(summary by ${outcome.summarizer ?? "the model"}${outcome.passes > 1 ? ` in ${outcome.passes} passes` : ""}, last ${outcome.keptTurns} turn${outcome.keptTurns === 1 ? "" : "s"} kept verbatim)`
        : outcome.strategy === "digest"
          ? "(no summary could be written; kept the recent turns and the harness notes)"
          : "(clipped the newest turn)";
  applyCompaction(context, state, outcome.messages, conversation, { reason: "model-switch", tokensBefore: used, tokensAfter }, {
    level: outcome.strategy === "digest" ? "warn" : "info",
    message: `switched models, compacted ${formatTokens(used)} to ${formatTokens(tokensAfter)} to fit ${change.to.model}'s ${formatTokens(incoming.contextWindow)} window ${how}`,
    data: { strategy: outcome.strategy, passes: outcome.passes, summarized: outcome.summarized, failures: outcome.failures, from: change.from, to: change.to },
  });
}
