import { describe, expect, it } from "vitest";
import type { ChatMessage } from "../chat.js";
import { TokenCounter } from "./token-counter.js";

describe("TokenCounter", () => {
  it("counts with a real tokenizer and splits a request the way /context shows it", () => {
    const counter = new TokenCounter();
    const messages: ChatMessage[] = [
      { role: "system", content: "You are a coding agent." },
      { role: "user", content: "hello world" },
      { role: "assistant", content: null, toolCalls: [{ id: "1", name: "read", arguments: '{"path":"a.ts"}' }] },
      { role: "tool", toolCallId: "1", content: "export const a = 1;\n".repeat(50) },
    ];
    const breakdown = counter.breakdown({ messages, tools: [{ name: "read", description: "Read a file", parameters: { type: "object" } }] });
    expect(counter.countText("hello world")).toBe(2);
    expect(breakdown.toolResults).toBeGreaterThan(breakdown.messages);
    expect(breakdown.system).toBeGreaterThan(4);
    expect(breakdown.tools).toBeGreaterThan(4);
    expect(breakdown.total).toBe(breakdown.system + breakdown.tools + breakdown.messages + breakdown.toolResults);
  });

  it("counts a message once and reuses the count", () => {
    const counter = new TokenCounter();
    const message: ChatMessage = { role: "user", content: "word ".repeat(1000) };
    const first = counter.countMessage(message);
    const text = counter.countText.bind(counter);
    let calls = 0;
    counter.countText = (value: string) => {
      calls += 1;
      return text(value);
    };
    expect(counter.countMessage(message)).toBe(first);
    expect(calls).toBe(0);
  });
});
