import { type ChatMessage, type ChatRequest, TokenCounter } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { compactToTarget } from "./compact-to-target.js";
import { compactionThresholds } from "./plan-compaction.js";
import type { Summarizer } from "./summarize-history.js";
import { isSummaryMessage, readSummaryMessage } from "./summary-message.js";
import { syntheticConversation } from "../test/synthetic-conversation.js";

const counter = new TokenCounter();
const settings = { keepRecentTurns: 3, summaryMaxTokens: 4000, summaryWindowShare: 0.1, summarizerClipChars: 2000 };

function summarizer(answer = "## Task\nkeep going", fails = false): Summarizer & { requests: ChatRequest[] } {
  const requests: ChatRequest[] = [];
  return {
    requests,
    model: "summarizer",
    gateway: "sim",
    contextWindow: 200_000,
    maxOutputTokens: 8000,
    ratio: 1,
    async complete(request) {
      requests.push(request);
      if (fails) throw new Error("gateway down");
      return { model: request.model, gateway: request.gateway, finishReason: "stop", message: { role: "assistant", content: answer } };
    },
  };
}

function isPaired(messages: readonly ChatMessage[]): boolean {
  const open = new Set<string>();
  for (const message of messages) {
    if (message.role === "assistant") {
      if (open.size > 0) return false;
      for (const call of message.toolCalls ?? []) open.add(call.id);
    } else if (message.role === "tool") {
      if (!open.delete(message.toolCallId)) return false;
    } else if (open.size > 0) return false;
  }
  return open.size === 0;
}

const target = (window: number) => ({ thresholds: compactionThresholds({ window, reserve: 8000, tier1: 0.5, tier2: 0.75, tier3: 0.9, target: 0.4 }), fixedTokens: 1000, ratio: 1 });

describe("compactToTarget", () => {
  it("summarizes older turns, keeps the recent ones verbatim and lands under the target", async () => {
    const messages = syntheticConversation(60, { tool: 600, answer: 300 });
    const writer = summarizer();
    const outcome = await compactToTarget({ messages, target: target(64_000), settings, summarizers: [writer], counter, pruneFirst: false });
    expect(outcome.strategy).toBe("summary");
    expect(isSummaryMessage(outcome.messages[0]!)).toBe(true);
    const kept = outcome.messages.slice(1);
    expect(kept).toEqual(messages.slice(messages.length - kept.length));
    expect(kept[0]).toBe(messages[messages.length - kept.length]);
    expect(outcome.keptTurns).toBe(3);
    expect(outcome.tokens + 1000).toBeLessThanOrEqual(target(64_000).thresholds.target);
    expect(isPaired(outcome.messages)).toBe(true);
    const facts = readSummaryMessage(outcome.messages[0]!)!.facts!;
    expect(facts.userMessages[0]).toMatch(/^Task 1:/);
    expect(facts.filesTouched).toContain("src/file-1.ts");
    expect(writer.requests).toHaveLength(1);
  });

  it("prunes instead of summarizing when that alone reaches the target", async () => {
    const messages = syntheticConversation(30, { tool: 1500, answer: 20, user: 10 });
    const writer = summarizer();
    const outcome = await compactToTarget({ messages, target: target(64_000), settings, summarizers: [writer], counter, pruneFirst: true });
    expect(outcome.strategy).toBe("prune-hard");
    expect(writer.requests).toHaveLength(0);
    expect(outcome.messages).toHaveLength(messages.length);
  });

  it("writes a digest of the facts when no summary can be written, and still fits", async () => {
    const messages = syntheticConversation(60, { tool: 600, answer: 300 });
    const outcome = await compactToTarget({ messages, target: target(64_000), settings, summarizers: [summarizer("", true)], counter, pruneFirst: false });
    expect(outcome.strategy).toBe("digest");
    expect(outcome.failures[0]).toContain("gateway down");
    expect(readSummaryMessage(outcome.messages[0]!)!.brief).toContain("No summary of the");
    expect(outcome.tokens + 1000).toBeLessThanOrEqual(target(64_000).thresholds.limit);
  });

  it("builds on an earlier summary instead of summarizing it again", async () => {
    const messages = syntheticConversation(60, { tool: 600, answer: 300 });
    const first = await compactToTarget({ messages, target: target(64_000), settings, summarizers: [summarizer("first brief")], counter, pruneFirst: false });
    const grown = [...first.messages, ...syntheticConversation(40, { tool: 600, answer: 300 }, 100)];
    const writer = summarizer("second brief");
    const second = await compactToTarget({ messages: grown, target: target(64_000), settings, summarizers: [writer], counter, pruneFirst: false });
    const user = writer.requests[0]!.messages[1]!.content as string;
    expect(user).toContain("<previous-brief>\nfirst brief\n</previous-brief>");
    expect(user).not.toContain("[Compacted context]");
    const facts = readSummaryMessage(second.messages[0]!)!.facts!;
    expect(facts.userMessages[0]).toMatch(/^Task 1:/);
    expect(facts.filesTouched).toEqual(expect.arrayContaining(["src/file-1.ts", "src/file-100.ts"]));
  });

  it("clips a newest step that alone is over the window instead of failing", async () => {
    const messages = [...syntheticConversation(2), { role: "user" as const, content: "read the log" }, { role: "assistant" as const, content: null, toolCalls: [{ id: "big", name: "read", arguments: '{"path":"huge.log"}' }] }, { role: "tool" as const, toolCallId: "big", content: "line of log output ".repeat(30_000) }];
    const outcome = await compactToTarget({ messages, target: target(32_000), settings, summarizers: [summarizer()], counter, pruneFirst: false });
    expect(outcome.tokens + 1000).toBeLessThanOrEqual(target(32_000).thresholds.limit);
    expect(isPaired(outcome.messages)).toBe(true);
    expect(outcome.messages.at(-1)).toMatchObject({ role: "tool", toolCallId: "big", content: expect.stringContaining("output clipped to fit the context window") });
  });

  it("keeps images in the recent turns and replaces older ones by a note", async () => {
    const image = { type: "image" as const, url: "data:image/png;base64,AAAA", mediaType: "image/png" };
    const older: ChatMessage[] = [
      { role: "user", content: [{ type: "text", text: "what is in this screenshot?" }, image] },
      { role: "assistant", content: "A stack trace." },
    ];
    const recentImage: ChatMessage = { role: "user", content: [{ type: "text", text: "and this one?" }, image] };
    const messages = [...older, ...syntheticConversation(40, { tool: 600, answer: 300 }), recentImage, { role: "assistant" as const, content: "A diff." }];
    const writer = summarizer();
    const outcome = await compactToTarget({ messages, target: target(64_000), settings, summarizers: [writer], counter, pruneFirst: false });
    expect(outcome.messages).toContain(recentImage);
    const transcript = writer.requests[0]!.messages[1]!.content as string;
    expect(transcript).toContain("[an image (image/png) was attached here; it is not preserved after compaction]");
    expect(transcript).not.toContain("base64");
    expect(outcome.messages[0]!.content).toContain("Images: 1 image was attached earlier and is not preserved after compaction.");
  });
});
