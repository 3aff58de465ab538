import type { ChatMessage } from "@bridle/core";
import type { MessageCounter } from "./message-counter.js";

/** Where the verbatim tail of a conversation starts. */
export interface KeepSelection {
  /** Index of the first kept message; everything before it is older history. */
  start: number;
  /** Whole user turns kept (a turn starts at a user message). */
  turns: number;
  /** Tokens of the kept messages. */
  tokens: number;
  /** The newest turn alone did not fit, so the cut lies inside it (before an assistant message). */
  insideTurn: boolean;
  /** Even the newest step does not fit the budget: its outputs need clipping. */
  oversized: boolean;
}

/** How much of the recent conversation to keep verbatim. */
export interface KeepOptions {
  /** Whole user turns to keep at most. */
  maxTurns: number;
  /** Tokens the kept messages may use at most. */
  budgetTokens: number;
}

/**
 * Picks the recent tail of a conversation to keep verbatim: up to `maxTurns` whole user turns
 * within `budgetTokens`. When the newest turn alone is over budget (one long agentic turn), the
 * cut moves inside it, before an assistant message, keeping as many of its newest steps as fit.
 *
 * Cuts only ever fall before a user or assistant message, never before a tool result, so a call
 * and its result always end up on the same side.
 */
export function selectTurnsToKeep(messages: readonly ChatMessage[], options: KeepOptions, counter: MessageCounter): KeepSelection {
  const budget = Math.max(0, options.budgetTokens);
  let suffix = 0;
  let turns = 0;
  let best: KeepSelection | undefined;
  let newestBoundary: { start: number; tokens: number } | undefined;
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    suffix += counter.countMessage(message);
    if (message.role !== "user" && message.role !== "assistant") continue;
    newestBoundary ??= { start: index, tokens: suffix };
    if (message.role === "user") {
      turns += 1;
      if (turns > options.maxTurns || suffix > budget) break;
      best = { start: index, turns, tokens: suffix, insideTurn: false, oversized: false };
    } else if (turns === 0 && suffix <= budget) {
      // Still inside the newest turn: remember the largest tail of it that fits, in case the
      // whole turn does not.
      best = { start: index, turns: 0, tokens: suffix, insideTurn: true, oversized: false };
    }
  }
  if (best) return best;
  if (newestBoundary) return { start: newestBoundary.start, turns: 0, tokens: newestBoundary.tokens, insideTurn: true, oversized: true };
  return { start: 0, turns: 0, tokens: suffix, insideTurn: false, oversized: suffix > budget };
}
