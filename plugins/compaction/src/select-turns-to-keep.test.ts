import { TokenCounter } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { selectTurnsToKeep } from "./select-turns-to-keep.js";
import { syntheticConversation, syntheticTurn } from "../test/synthetic-conversation.js";

const counter = new TokenCounter();

describe("selectTurnsToKeep", () => {
  it("keeps the newest whole turns that fit, up to maxTurns", () => {
    const messages = syntheticConversation(10);
    const turnTokens = counter.countMessages(syntheticTurn(10));
    const selection = selectTurnsToKeep(messages, { maxTurns: 3, budgetTokens: 1_000_000 }, counter);
    expect(selection.turns).toBe(3);
    expect(messages[selection.start]).toMatchObject({ role: "user", content: expect.stringMatching(/^Task 8:/) });
    expect(selection.insideTurn).toBe(false);
    expect(selection.tokens).toBeGreaterThanOrEqual(turnTokens * 3 - 30);
  });

  it("keeps fewer turns when the budget is smaller", () => {
    const messages = syntheticConversation(10);
    const two = counter.countMessages(messages.slice(-8));
    const selection = selectTurnsToKeep(messages, { maxTurns: 5, budgetTokens: two + 5 }, counter);
    expect(selection.turns).toBe(2);
    expect(selection.tokens).toBe(two);
  });

  it("cuts inside a long newest turn before an assistant message, never before a tool result", () => {
    const messages = [...syntheticConversation(2), { role: "user" as const, content: "do many things" }];
    for (let step = 0; step < 6; step++) {
      messages.push({ role: "assistant", content: null, toolCalls: [{ id: `s${step}`, name: "read", arguments: "{}" }] });
      messages.push({ role: "tool", toolCallId: `s${step}`, content: "x ".repeat(500) });
    }
    const stepTokens = counter.countMessages(messages.slice(-2));
    const selection = selectTurnsToKeep(messages, { maxTurns: 3, budgetTokens: stepTokens * 2 + 1 }, counter);
    expect(selection.insideTurn).toBe(true);
    expect(selection.oversized).toBe(false);
    expect(messages[selection.start]!.role).toBe("assistant");
    expect(messages.length - selection.start).toBe(4);
  });

  it("marks the newest step oversized when even it does not fit", () => {
    const messages = syntheticConversation(3, { tool: 2000 });
    const selection = selectTurnsToKeep(messages, { maxTurns: 3, budgetTokens: 10 }, counter);
    expect(selection.oversized).toBe(true);
    expect(selection.start).toBe(messages.length - 1);
  });

  it("keeps everything when the whole conversation fits", () => {
    const messages = syntheticConversation(2);
    expect(selectTurnsToKeep(messages, { maxTurns: 5, budgetTokens: 1_000_000 }, counter).start).toBe(0);
  });
});
