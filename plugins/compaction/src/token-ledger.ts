import type { ChatMessage } from "@bridle/core";
import type { MessageCounter } from "./message-counter.js";

/**
 * A running token total of a conversation that only grows between compactions. Counting the next
 * request costs time for the messages added since the last count, not for the whole conversation:
 * messages are immutable once appended, so the counted prefix is recognised by the identity of its
 * first and last message.
 */
export class TokenLedger {
  #counted: ChatMessage[] = [];
  #total = 0;

  /** Tokens of `messages` from index `from` on (leading system messages are counted apart). */
  total(messages: readonly ChatMessage[], counter: MessageCounter, from = 0): number {
    const known = this.#counted.length;
    const length = messages.length - from;
    const continues = known > 0 && length >= known && messages[from] === this.#counted[0] && messages[from + known - 1] === this.#counted[known - 1];
    if (!continues) {
      this.#counted = [];
      this.#total = 0;
    }
    for (let index = from + this.#counted.length; index < messages.length; index++) {
      const message = messages[index]!;
      this.#counted.push(message);
      this.#total += counter.countMessage(message);
    }
    return this.#total;
  }

  /** Forgets everything (after a compaction replaced the conversation). */
  reset(): void {
    this.#counted = [];
    this.#total = 0;
  }
}
