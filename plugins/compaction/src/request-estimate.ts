import { type ChatRequest, TokenCounter } from "@bridle/core";
import type { MessageCounter } from "./message-counter.js";

/** The parts of a request that are counted. */
export type CountedRequest = Pick<ChatRequest, "messages" | "tools">;

const upperBound = TokenCounter.upperBound();

/**
 * Local tokens of a request, never below the exact o200k count, without the tokenizer: enough
 * to show that a fresh session is far from every tier.
 */
export function upperBoundTokens(request: CountedRequest): number {
  return upperBound.countTools(request.tools) + upperBound.countMessages(request.messages);
}

/** The exact local count of a request (loads the tokenizer if it is not loaded yet). */
export function exactTokens(request: CountedRequest, counter: MessageCounter & Pick<TokenCounter, "countTools">): number {
  return counter.countTools(request.tools) + counter.countMessages(request.messages);
}
