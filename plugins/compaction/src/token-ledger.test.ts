import { type ChatMessage, TokenCounter } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { syntheticConversation } from "../test/synthetic-conversation.js";
import { TokenLedger } from "./token-ledger.js";

/** A counter that records which messages it was asked about. */
function countingCounter() {
  const inner = new TokenCounter();
  const asked: ChatMessage[] = [];
  return {
    asked,
    countMessage: (message: ChatMessage) => {
      asked.push(message);
      return inner.countMessage(message);
    },
    countMessages: (messages: readonly ChatMessage[]) => inner.countMessages(messages),
    countText: (text: string) => inner.countText(text),
  };
}

describe("TokenLedger", () => {
  it("counts only the messages appended since the last total", () => {
    const counter = countingCounter();
    const ledger = new TokenLedger();
    const system: ChatMessage = { role: "system", content: "system prompt" };
    const conversation = syntheticConversation(20);
    const first = ledger.total([system, ...conversation], counter, 1);
    expect(first).toBe(new TokenCounter().countMessages(conversation));
    counter.asked.length = 0;
    const added: ChatMessage = { role: "user", content: "one more" };
    conversation.push(added);
    // A fresh request array (the agent rebuilds it) with the same message objects.
    const second = ledger.total([{ role: "system", content: "system prompt" }, ...conversation], counter, 1);
    expect(counter.asked).toEqual([added]);
    expect(second).toBe(first + new TokenCounter().countMessage(added));
  });

  it("starts over when the conversation was replaced", () => {
    const counter = countingCounter();
    const ledger = new TokenLedger();
    ledger.total(syntheticConversation(5), counter);
    const replaced = syntheticConversation(2, {}, 50);
    expect(ledger.total(replaced, counter)).toBe(new TokenCounter().countMessages(replaced));
    ledger.reset();
    expect(ledger.total([], counter)).toBe(0);
  });
});
