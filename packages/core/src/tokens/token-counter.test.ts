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

  it("bounds every count from above without the tokenizer, in UTF-8 bytes", () => {
    const exact = new TokenCounter();
    const bound = TokenCounter.upperBound();
    let seed = 7;
    const random = () => (seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
    const alphabets = ["abcdefghij KLMNOP 0123456789", "{}[]();=>.,:'\"`\n\t  ", "日本語のテキスト中文字符", "🙂🚀👩‍💻é ß ø ж", "\u0000\u001b\uFFFD\u200b"];
    const samples = [
      "",
      " ".repeat(4000),
      "export const value = compute(input);\n".repeat(200),
      ...Array.from({ length: 200 }, () => {
        const alphabet = [...alphabets[Math.floor(random() * alphabets.length)]!];
        return Array.from({ length: 1 + Math.floor(random() * 400) }, () => alphabet[Math.floor(random() * alphabet.length)]).join("");
      }),
    ];
    for (const text of samples) expect(bound.countText(text)).toBeGreaterThanOrEqual(exact.countText(text));
    const messages: ChatMessage[] = samples.map((content, index) => (index % 2 ? { role: "user", content } : { role: "assistant", content, toolCalls: [{ id: `${index}`, name: "write", arguments: JSON.stringify({ content }) }] }));
    expect(bound.countMessages(messages)).toBeGreaterThanOrEqual(exact.countMessages(messages));
    // Loose enough to be cheap, tight enough to matter: about 4 bytes per token of code.
    expect(bound.countText(samples[2]!)).toBeLessThan(exact.countText(samples[2]!) * 8);
  });
});
