import { type ChatMessage, type ChatRequest, formatTokens, preloadTokenizer, type TurnContext } from "@bridle/core";
import { applyCompaction } from "./apply-compaction.js";
import { calibrate } from "./calibration.js";
import { type CompactionEngine, calibrationOf, ratioOf } from "./compaction-engine.js";
import { compactToTarget } from "./compact-to-target.js";
import { fixedTokens, leadingSystemCount } from "./fixed-tokens.js";
import { foldDeferredUsage } from "./observe-usage.js";
import { type CompactionThresholds, planCompaction } from "./plan-compaction.js";
import { prunableTokens, pruneToolOutputs } from "./prune-tool-outputs.js";
import { upperBoundTokens } from "./request-estimate.js";
import { sameMessages } from "./same-messages.js";
import { selectTurnsToKeep } from "./select-turns-to-keep.js";
import { type CompactionSessionState, sessionState } from "./session-state.js";
import { summarizerFor } from "./summarizer-for.js";
import { thresholdsFor } from "./thresholds-for.js";

/** Share of the window the recent turns protected from a tier-1 prune may take. */
const SOFT_PROTECT_SHARE = 0.25;
/** Share of the window the newest turn protected from a tier-2 prune may take. */
const HARD_PROTECT_SHARE = 0.1;

/**
 * The `beforeRequest` step (stage COMPACT): estimates the request (calibrated for the model), runs
 * the tier that fired — or a compaction forced by an overflow retry — and makes sure prompt plus
 * output fit the window of the current model on the current gateway, lowering the requested
 * output when only that is short. Below tier 1 the request goes out unchanged, so the prompt
 * prefix stays byte-stable between compactions. Waits for a model switch still being reconciled.
 *
 * An upper bound (UTF-8 bytes) decides first: a request whose bound is below tier 1 with room for
 * its whole output needs nothing either way, so it goes out without an exact count and without
 * the tokenizer. Past half of tier 1 the tokenizer is loaded while that request is out.
 *
 * Only turns are fitted; side requests pass unchanged.
 */
export async function fitRequest(request: ChatRequest, context: TurnContext, engine: CompactionEngine): Promise<ChatRequest> {
  // A side request (the summary this step itself asks for) is sized by whoever sends it.
  if (request.purpose !== undefined && request.purpose !== "turn") return request;
  const state = sessionState(context, engine);
  // The agent builds a turn's request only after a switch finished; this guards other callers.
  if (state.reconcile) await state.reconcile.done;
  const { options } = engine;
  const counter = context.tokens;
  const calibration = calibrationOf(engine, request.model);
  const thresholds = thresholdsFor(options, context.limits(), request.maxOutputTokens);
  const forced = context.compactRequested && state.forcedTurn !== context.turn;
  const pending = { turn: context.turn, attempt: context.attempt, model: request.model, request, window: thresholds.window };
  if (!forced) {
    const bound = calibrate(upperBoundTokens(request), calibration);
    if (bound < thresholds.tier1 && outputFits(request.maxOutputTokens, bound, thresholds.window)) {
      if (bound >= thresholds.tier1 / 2) preloadTokenizer();
      state.pending = { ...pending, estimated: undefined, maxOutputTokens: request.maxOutputTokens };
      return request;
    }
  }
  foldDeferredUsage(context, state);
  const systemCount = leadingSystemCount(request.messages);
  const fixed = fixedTokens(request.messages, systemCount, request.tools, state, counter);
  state.fixedTokens = fixed;
  let local = fixed + state.ledger.total(request.messages, counter, systemCount);
  let messages = request.messages;
  if (forced || calibrate(local, calibration) >= thresholds.tier1) {
    if (forced) state.forcedTurn = context.turn;
    const compacted = await compactForRequest(context, state, engine, thresholds, calibrate(local, calibration), forced, request);
    if (compacted) {
      messages = [...request.messages.slice(0, systemCount), ...compacted];
      local = fixed + state.ledger.total(messages, counter, systemCount);
    }
  }
  const used = calibrate(local, calibration);
  let maxOutputTokens = fitOutput(request.maxOutputTokens, used, thresholds.window);
  // After an overflow the same request must never go out again: when compaction found nothing to
  // remove, the output budget gives way (down to what the window leaves).
  if (forced && messages === request.messages && maxOutputTokens === request.maxOutputTokens) {
    maxOutputTokens = Math.max(1, Math.min(request.maxOutputTokens - 1, outputRoom(used, thresholds.window)));
  }
  state.pending = { ...pending, request: { messages, tools: request.tools }, estimated: local, maxOutputTokens };
  if (messages === request.messages && maxOutputTokens === request.maxOutputTokens) return request;
  return { ...request, messages, maxOutputTokens };
}

/**
 * Lowers the requested output when prompt plus output would pass the window (some gateways count
 * both). Leaves it alone when the room left is too small to be useful: the gateway's overflow
 * error then starts the recovery.
 */
export function fitOutput(maxOutputTokens: number, used: number, window: number): number {
  const room = outputRoom(used, window);
  if (room >= maxOutputTokens || room < 256) return maxOutputTokens;
  return room;
}

/** True when the whole requested output fits after `used` prompt tokens: `fitOutput` changes nothing. */
function outputFits(maxOutputTokens: number, used: number, window: number): boolean {
  return outputRoom(used, window) >= maxOutputTokens;
}

/** Output tokens left in the window after the prompt, keeping a margin for template overhead. */
function outputRoom(used: number, window: number): number {
  return window - used - Math.max(256, Math.ceil(window * 0.01));
}

/** Runs the planned compaction on the session's conversation; the new conversation, or `undefined`. */
async function compactForRequest(
  context: TurnContext,
  state: CompactionSessionState,
  engine: CompactionEngine,
  thresholds: CompactionThresholds,
  used: number,
  forced: boolean,
  request: ChatRequest,
): Promise<readonly ChatMessage[] | undefined> {
  const { options } = engine;
  const counter = context.tokens;
  const ratio = ratioOf(engine, context.model.id);
  const toLocal = (tokens: number) => Math.max(0, Math.floor(tokens / ratio) - state.fixedTokens);
  const conversation = context.conversation.messages();
  const softFrom = selectTurnsToKeep(conversation, { maxTurns: options.keepRecentTurns, budgetTokens: toLocal(thresholds.window * SOFT_PROTECT_SHARE) }, counter).start;
  const hardFrom = selectTurnsToKeep(conversation, { maxTurns: 1, budgetTokens: toLocal(thresholds.window * HARD_PROTECT_SHARE) }, counter).start;
  const soft = { protectFrom: softFrom, minTokens: options.pruneMinTokens, hard: false };
  const hard = { protectFrom: hardFrom, minTokens: 0, hard: true };
  const plan = planCompaction({
    used,
    thresholds,
    prunable: { soft: Math.floor(prunableTokens(conversation, soft, counter) * ratio), hard: Math.floor(prunableTokens(conversation, hard, counter) * ratio) },
    forced,
  });
  if (plan.action === "none") return undefined;

  const before = used;
  const after = (messages: readonly ChatMessage[]) => Math.ceil((state.fixedTokens + counter.countMessages(messages)) * ratio);
  const window = `${formatTokens(thresholds.window)} window`;
  const why = forced ? "the gateway said the prompt did not fit" : `past tier ${plan.tier} (${formatTokens(before)} of the ${window})`;

  const pruned = plan.action === "summarize" ? undefined : pruneToolOutputs(conversation, plan.action === "prune" ? soft : hard, counter);
  // A tier-3 or forced compaction that pruning cannot serve falls through to a summary.
  if (pruned && !pruned.changed && plan.tier < 3) return undefined;
  if (pruned?.changed) {
    const tokensAfter = after(pruned.messages);
    const applied = applyCompaction(context, state, pruned.messages, conversation, { reason: forced ? "overflow" : `tier${plan.tier}`, tokensBefore: before, tokensAfter }, {
      message: `pruned ${pruned.prunedOutputs} old tool output${pruned.prunedOutputs === 1 ? "" : "s"}${pruned.shortenedMessages > 0 ? ` and shortened ${pruned.shortenedMessages} old messages` : ""}: ${formatTokens(before)} to ${formatTokens(tokensAfter)} tokens (${why})`,
      data: { strategy: plan.action, tier: plan.tier, prunedOutputs: pruned.prunedOutputs },
    });
    return applied ? context.conversation.messages() : undefined;
  }

  const outcome = await compactToTarget({
    messages: conversation,
    target: { thresholds, fixedTokens: state.fixedTokens, ratio },
    settings: options,
    // The summary continues this very request (same system prompt and tools), so it reads the
    // history from the prefix cache; after an overflow the request is known not to fit, so not then.
    summarizers: [summarizerFor(context, { model: context.model.id, gateway: context.gateway }, engine, context.signal, forced ? undefined : { messages: request.messages, tools: request.tools, promptTokens: used })],
    counter,
    pruneFirst: false,
    signal: context.signal,
  });
  if (sameMessages(outcome.messages, conversation)) return undefined;
  const tokensAfter = after(outcome.messages);
  const what =
    outcome.strategy === "summary" || outcome.strategy === "digest"
      ? `summarized ${outcome.summarized} older messages${outcome.summarizer ? ` with ${outcome.summarizer}` : ""}, kept the last ${outcome.keptTurns} turn${outcome.keptTurns === 1 ? "" : "s"} verbatim`
      : "pruned and clipped the newest turn";
  const applied = applyCompaction(context, state, outcome.messages, conversation, { reason: forced ? "overflow" : "tier3", tokensBefore: before, tokensAfter }, {
    level: outcome.strategy === "digest" ? "warn" : "info",
    message: `compacted ${formatTokens(before)} to ${formatTokens(tokensAfter)} tokens: ${what} (${why})`,
    data: { strategy: outcome.strategy, tier: 3, passes: outcome.passes, summarized: outcome.summarized, failures: outcome.failures },
  });
  return applied ? context.conversation.messages() : undefined;
}
