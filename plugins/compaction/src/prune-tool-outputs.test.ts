import { type ChatMessage, TokenCounter } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { prunableTokens, pruneToolOutputs } from "./prune-tool-outputs.js";
import { selectTurnsToKeep } from "./select-turns-to-keep.js";
import { syntheticConversation } from "../test/synthetic-conversation.js";
import { isPrunedStub, PRUNED_OUTPUT_MARKER } from "./tool-output-stub.js";

const counter = new TokenCounter();

describe("pruneToolOutputs", () => {
  it("replaces old outputs with stubs that say what was removed and how to get it back", () => {
    const messages = syntheticConversation(6, { tool: 800 });
    const protectFrom = selectTurnsToKeep(messages, { maxTurns: 2, budgetTokens: 1e9 }, counter).start;
    const result = pruneToolOutputs(messages, { protectFrom, minTokens: 400, hard: false }, counter);
    expect(result.prunedOutputs).toBe(4);
    const stub = result.messages[2]!;
    expect(stub).toMatchObject({ role: "tool", toolCallId: "call_1", name: "read" });
    const text = (stub as { content: string }).content;
    expect(text.startsWith(PRUNED_OUTPUT_MARKER)).toBe(true);
    expect(text).toContain('read {"path":"src/file-1.ts"}');
    expect(text).toMatch(/\d[\d,]* tokens/);
    expect(text).toContain("Call read again with the same arguments");
    // The protected turns are untouched, objects included.
    expect(result.messages.slice(protectFrom)).toEqual(messages.slice(protectFrom));
    expect(result.messages[protectFrom]).toBe(messages[protectFrom]);
    expect(counter.countMessages(result.messages)).toBeLessThan(counter.countMessages(messages) - 4 * 600);
  });

  it("is deterministic and idempotent, so the prefix stays byte-stable", () => {
    const messages = syntheticConversation(6, { tool: 800 });
    const options = { protectFrom: messages.length - 4, minTokens: 100, hard: true };
    const first = pruneToolOutputs(messages, options, counter);
    const again = pruneToolOutputs(syntheticConversation(6, { tool: 800 }), options, counter);
    expect(JSON.stringify(again.messages)).toBe(JSON.stringify(first.messages));
    const twice = pruneToolOutputs(first.messages, options, counter);
    expect(twice.changed).toBe(false);
    expect(twice.messages).toBe(first.messages);
  });

  it("leaves small outputs and the order of messages alone", () => {
    const messages = syntheticConversation(4, { tool: 50 });
    const result = pruneToolOutputs(messages, { protectFrom: messages.length, minTokens: 400, hard: false }, counter);
    expect(result.changed).toBe(false);
    expect(prunableTokens(messages, { protectFrom: messages.length, minTokens: 400, hard: false }, counter)).toBe(0);
  });

  it("notes images in a pruned output and keeps the error flag", () => {
    const messages: ChatMessage[] = [
      { role: "assistant", content: null, toolCalls: [{ id: "i", name: "screenshot", arguments: "{}" }] },
      { role: "tool", toolCallId: "i", isError: true, content: [{ type: "text", text: "x ".repeat(600) }, { type: "image", url: "data:image/png;base64,AAAA" }] },
      { role: "user", content: "next" },
    ];
    const result = pruneToolOutputs(messages, { protectFrom: 2, minTokens: 100, hard: false }, counter);
    expect(result.messages[1]).toMatchObject({ isError: true, content: expect.stringContaining("1 image") });
    expect(isPrunedStub(result.messages[1] as never)).toBe(true);
  });

  it("a hard prune shortens long reasoning and argument values, keeping JSON valid and reasoning non-empty", () => {
    const long = "y".repeat(5000);
    const messages: ChatMessage[] = [
      { role: "user", content: "write it" },
      { role: "assistant", content: null, reasoning: "r".repeat(4000), reasoningField: "reasoning_content", toolCalls: [{ id: "w", name: "write", arguments: JSON.stringify({ path: "a.ts", content: long }) }] },
      { role: "tool", toolCallId: "w", content: "wrote a.ts" },
      { role: "user", content: "next" },
    ];
    const estimate = prunableTokens(messages, { protectFrom: 3, minTokens: 0, hard: true }, counter);
    const result = pruneToolOutputs(messages, { protectFrom: 3, minTokens: 0, hard: true }, counter);
    const assistant = result.messages[1] as Extract<ChatMessage, { role: "assistant" }>;
    expect(JSON.parse(assistant.toolCalls![0]!.arguments)).toEqual({ path: "a.ts", content: "[argument pruned: 5,000 characters]" });
    expect(assistant.reasoning).toMatch(/^\[reasoning pruned: 4,000 characters\]$/);
    expect(assistant.reasoningField).toBe("reasoning_content");
    const saved = counter.countMessages(messages) - counter.countMessages(result.messages);
    expect(estimate).toBeGreaterThan(saved * 0.5);
    expect(estimate).toBeLessThan(saved * 1.5);
  });
});
