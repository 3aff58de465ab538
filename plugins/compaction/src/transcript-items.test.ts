import { type ChatMessage, TokenCounter } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { splitForSummarizer } from "./split-for-summarizer.js";
import { syntheticConversation } from "../test/synthetic-conversation.js";
import { clip, transcriptItems } from "./transcript-items.js";

const counter = new TokenCounter();

describe("transcriptItems", () => {
  it("renders roles, calls and clipped outputs, and estimates sizes without tokenizing again", () => {
    const messages = syntheticConversation(3, { tool: 3000 });
    const items = transcriptItems(messages, { clipChars: 2000 }, counter);
    expect(items).toHaveLength(messages.length);
    expect(items[0]!.text).toMatch(/^\[user\]\nTask 1:/);
    expect(items[1]!.text).toContain('[call read {"path":"src/file-1.ts"}]');
    expect(items[2]!.text).toMatch(/^\[result of read\]\n/);
    expect(items[2]!.text).toContain("characters omitted");
    expect(items[2]!.text.length).toBeLessThan(2200);
    for (const item of items) {
      const real = counter.countText(item.text);
      expect(item.tokens).toBeGreaterThanOrEqual(real * 0.8);
      expect(item.tokens).toBeLessThanOrEqual(real * 1.5 + 25);
    }
  });

  it("replaces images with a note and leaves reasoning out", () => {
    const messages: ChatMessage[] = [
      { role: "user", content: [{ type: "text", text: "look" }, { type: "image", url: "data:image/png;base64,AAAA", mediaType: "image/png" }] },
      { role: "assistant", content: "seen", reasoning: "secret chain of thought" },
    ];
    const [user, assistant] = transcriptItems(messages, { clipChars: 2000 }, counter);
    expect(user!.text).toContain("[an image (image/png) was attached here; it is not preserved after compaction]");
    expect(user!.text).not.toContain("base64");
    expect(assistant!.text).not.toContain("secret");
  });
});

describe("splitForSummarizer", () => {
  it("splits in order into chunks within the budget", () => {
    const items = transcriptItems(syntheticConversation(40, { tool: 400, answer: 300 }), { clipChars: 100_000 }, counter);
    const total = items.reduce((sum, item) => sum + item.tokens, 0);
    const chunks = splitForSummarizer(items, 5000);
    expect(chunks.length).toBeGreaterThanOrEqual(Math.ceil(total / 5000));
    expect(chunks.reduce((sum, chunk) => sum + chunk.items, 0)).toBe(items.length);
    for (const chunk of chunks) {
      expect(chunk.tokens).toBeLessThanOrEqual(5000);
      expect(counter.countText(chunk.text)).toBeLessThanOrEqual(5000 * 1.1);
    }
    expect(chunks[0]!.text.startsWith(items[0]!.text)).toBe(true);
    expect(chunks.at(-1)!.text.endsWith(items.at(-1)!.text)).toBe(true);
  });

  it("clips an item larger than a whole chunk instead of overflowing", () => {
    const items = transcriptItems([{ role: "user", content: "word ".repeat(20_000) }], { clipChars: 1e9 }, counter);
    const chunks = splitForSummarizer(items, 3000);
    expect(chunks).toHaveLength(1);
    expect(counter.countText(chunks[0]!.text)).toBeLessThanOrEqual(3000);
  });

  it("rejects a budget that is not positive", () => {
    expect(() => splitForSummarizer([], 0)).toThrow(/budgetTokens must be positive/);
  });
});

describe("clip", () => {
  it("keeps head and tail and says how much was left out", () => {
    const text = `${"a".repeat(100)}${"b".repeat(100)}`;
    const clipped = clip(text, 100);
    expect(clipped.startsWith("a".repeat(70))).toBe(true);
    expect(clipped.endsWith("b".repeat(30))).toBe(true);
    expect(clipped).toContain("100 characters omitted");
    expect(clip("short", 100)).toBe("short");
  });
});
