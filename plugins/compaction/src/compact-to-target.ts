import type { ChatMessage } from "@bridle/core";
import { clipOversizedOutputs } from "./clip-oversized-outputs.js";
import type { MessageCounter } from "./message-counter.js";
import { pairToolMessages } from "./pair-tool-messages.js";
import type { CompactionThresholds } from "./plan-compaction.js";
import { pruneToolOutputs } from "./prune-tool-outputs.js";
import { selectTurnsToKeep } from "./select-turns-to-keep.js";
import { collectSessionFacts } from "./session-facts.js";
import { SummaryError, type Summarizer, summarizeHistory } from "./summarize-history.js";
import { isSummaryMessage, readSummaryMessage, summaryMessage } from "./summary-message.js";
import { transcriptItems } from "./transcript-items.js";

/** The options that shape a compaction. */
export interface CompactionSettings {
  /** Whole user turns kept verbatim (fewer when they do not fit the target). */
  keepRecentTurns: number;
  /** Output tokens a summary may take at most. */
  summaryMaxTokens: number;
  /** Share of the window a summary may take at most. */
  summaryWindowShare: number;
  /** Characters of a tool output the summarizer reads. */
  summarizerClipChars: number;
}

/** The window the conversation must fit after compacting. */
export interface CompactionTarget {
  thresholds: CompactionThresholds;
  /** Local tokens of the system prompt and the tools, which compaction never touches. */
  fixedTokens: number;
  /** Calibration ratio of the model the conversation must fit. */
  ratio: number;
}

/** A conversation to compact and everything the compaction needs. */
export interface CompactInput {
  messages: readonly ChatMessage[];
  target: CompactionTarget;
  settings: CompactionSettings;
  /** Who may write the summary, in order of preference. */
  summarizers: readonly Summarizer[];
  counter: MessageCounter;
  /** What the summary must keep (`/compact <focus>`). */
  focus?: string;
  /** Try a hard prune first and summarize only when it does not reach the target. */
  pruneFirst: boolean;
  /** Cancels the compaction (the user pressed Ctrl-C): it throws instead of settling for a digest. */
  signal?: AbortSignal;
}

/** How a compaction got there. */
export type CompactionStrategy = "prune-hard" | "summary" | "digest" | "truncate";

/** The compacted conversation and how it was reached. */
export interface CompactOutcome {
  messages: ChatMessage[];
  strategy: CompactionStrategy;
  /** Messages folded into the summary. */
  summarized: number;
  /** Whole user turns kept verbatim. */
  keptTurns: number;
  /** Summary requests made. */
  passes: number;
  /** `model on gateway` of the summarizer that wrote the brief. */
  summarizer?: string;
  /** Why summarizers failed, when some did. */
  failures: string[];
  /** Local tokens of the new conversation. */
  tokens: number;
}

/** Tokens set aside for the harness notes under the brief. */
const FACTS_ALLOWANCE = 2000;
/** Share of the window the newest turn keeps for itself when a hard prune protects it. */
const HARD_PROTECT_SHARE = 0.1;

/**
 * Compacts a conversation down to the target of a window: a hard prune when that is enough, else
 * a summary of the older turns (written by the first summarizer that can, in several passes when
 * needed) followed by the recent turns verbatim. Without any summarizer succeeding, a digest of
 * the facts the harness keeps stands in for the summary, so the session always fits afterwards.
 * Never leaves a tool result without its call or a call without its result.
 */
export async function compactToTarget(input: CompactInput): Promise<CompactOutcome> {
  const { messages, target, settings, counter } = input;
  const { thresholds } = target;
  const toLocal = (tokens: number) => Math.floor(tokens / target.ratio) - target.fixedTokens;
  const targetTokens = Math.max(1000, toLocal(thresholds.target));
  const limitTokens = Math.max(1000, toLocal(thresholds.limit));
  const count = (list: readonly ChatMessage[]) => counter.countMessages(list);

  if (input.pruneFirst) {
    const protectFrom = selectTurnsToKeep(messages, { maxTurns: 1, budgetTokens: toLocal(thresholds.window * HARD_PROTECT_SHARE) }, counter).start;
    const pruned = pruneToolOutputs(messages, { protectFrom, minTokens: 0, hard: true }, counter);
    const tokens = count(pruned.messages);
    if (pruned.changed && tokens <= targetTokens) {
      return { messages: pruned.messages, strategy: "prune-hard", summarized: 0, keptTurns: 0, passes: 0, failures: [], tokens };
    }
  }

  const summaryTokens = Math.max(256, Math.min(settings.summaryMaxTokens, Math.floor(thresholds.window * settings.summaryWindowShare)));
  const keepBudget = Math.max(0, targetTokens - summaryTokens - FACTS_ALLOWANCE);
  const selection = selectTurnsToKeep(messages, { maxTurns: settings.keepRecentTurns, budgetTokens: keepBudget }, counter);
  const older = messages.slice(0, selection.start);
  const previous = older.length > 0 ? readSummaryMessage(older[0]!) : undefined;
  const body = previous ? older.slice(1) : older;

  let kept = messages.slice(selection.start);
  if (selection.oversized) kept = clipOversizedOutputs(kept, Math.max(1000, keepBudget), counter).messages;

  if (body.length === 0) {
    // Nothing older to fold in: the recent turns themselves are too big.
    const truncated = truncateToFit([...older, ...kept], limitTokens, counter);
    return { messages: truncated, strategy: "truncate", summarized: 0, keptTurns: selection.turns, passes: 0, failures: [], tokens: count(truncated) };
  }

  const facts = collectSessionFacts(body, previous?.facts, isSummaryMessage);
  const items = transcriptItems(body, { clipChars: settings.summarizerClipChars }, counter);
  let brief: string;
  let strategy: CompactionStrategy = "summary";
  let passes = 0;
  let summarizer: string | undefined;
  let failures: string[] = [];
  try {
    const outcome = await summarizeHistory(
      {
        items,
        summaryTokens,
        counter,
        ...(previous ? { previousBrief: previous.brief } : {}),
        ...(input.focus ? { focus: input.focus } : {}),
        ...(input.signal ? { signal: input.signal } : {}),
      },
      input.summarizers,
    );
    brief = outcome.brief;
    passes = outcome.passes;
    summarizer = `${outcome.summarizer.model} on ${outcome.summarizer.gateway}`;
    failures = outcome.failures;
  } catch (error) {
    if (!(error instanceof SummaryError)) throw error;
    failures = error.failures;
    strategy = "digest";
    brief = [
      previous ? previous.brief : "",
      `No summary of the ${body.length.toLocaleString("en-US")} messages compacted here could be written (${failures.join("; ")}). ` +
        "The harness notes below keep what the user asked and which files were touched; ask the user about anything else that matters.",
    ]
      .filter(Boolean)
      .join("\n\n");
  }

  let result = pairToolMessages([summaryMessage(brief, facts), ...kept]).messages;
  let tokens = count(result);
  if (tokens > limitTokens) {
    result = truncateToFit(result, limitTokens, counter);
    tokens = count(result);
  }
  return { messages: result, strategy, summarized: body.length, keptTurns: selection.turns, passes, ...(summarizer ? { summarizer } : {}), failures, tokens };
}

/**
 * The last resort when even the recent turns overflow: prune everything but the newest step hard,
 * then clip what is still too large. The conversation may lose detail but always fits.
 */
function truncateToFit(messages: readonly ChatMessage[], limitTokens: number, counter: MessageCounter): ChatMessage[] {
  if (counter.countMessages(messages) <= limitTokens) return messages as ChatMessage[];
  const newest = selectTurnsToKeep(messages, { maxTurns: 0, budgetTokens: 0 }, counter).start;
  const pruned = pruneToolOutputs(messages, { protectFrom: newest, minTokens: 0, hard: true }, counter).messages;
  if (counter.countMessages(pruned) <= limitTokens) return pruned;
  const fixed = counter.countMessages(pruned.slice(0, newest));
  return pairToolMessages(clipOversizedOutputs(pruned, Math.max(500, Math.floor((limitTokens - fixed) / 2)), counter).messages).messages;
}
