import { type ChatRequest, type ChatResponse, TokenCounter } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { SummaryError, type Summarizer, summarizeHistory } from "./summarize-history.js";
import { syntheticConversation } from "../test/synthetic-conversation.js";
import { transcriptItems } from "./transcript-items.js";

const counter = new TokenCounter();

/** A summarizer whose "model" checks each request against its window, as a gateway does. */
function windowChecked(contextWindow: number, answer: (request: ChatRequest, index: number) => string, fails = false) {
  const seen: Array<{ promptTokens: number; request: ChatRequest }> = [];
  const summarizer: Summarizer = {
    model: `model-${contextWindow}`,
    gateway: "sim",
    contextWindow,
    maxOutputTokens: 8000,
    ratio: 1,
    async complete(request) {
      const promptTokens = counter.countMessages(request.messages);
      seen.push({ promptTokens, request });
      if (fails) throw new Error("503 from the gateway");
      if (promptTokens + request.maxOutputTokens > contextWindow) throw new Error(`overflow: ${promptTokens} + ${request.maxOutputTokens} > ${contextWindow}`);
      const response: ChatResponse = { model: request.model, gateway: request.gateway, finishReason: "stop", message: { role: "assistant", content: answer(request, seen.length) } };
      return response;
    },
  };
  return { summarizer, seen };
}

describe("summarizeHistory", () => {
  it("summarizes in one pass when the history fits the summarizer", async () => {
    const items = transcriptItems(syntheticConversation(20), { clipChars: 2000 }, counter);
    const { summarizer, seen } = windowChecked(200_000, () => "## Task\nbrief");
    const outcome = await summarizeHistory({ items, summaryTokens: 4000, counter }, [summarizer]);
    expect(outcome).toMatchObject({ brief: "## Task\nbrief", passes: 1, failures: [] });
    expect(seen).toHaveLength(1);
    expect(seen[0]!.request.tools).toEqual([]);
  });

  it("uses several passes when the history exceeds the summarizer's window, each pass inside it", async () => {
    const items = transcriptItems(syntheticConversation(120, { tool: 0, answer: 900, user: 200 }), { clipChars: 2000 }, counter);
    const total = items.reduce((sum, item) => sum + item.tokens, 0);
    expect(total).toBeGreaterThan(100_000);
    const { summarizer, seen } = windowChecked(32_000, (_request, index) => `brief after pass ${index}`);
    const outcome = await summarizeHistory({ items, summaryTokens: 4000, counter }, [summarizer]);
    expect(outcome.passes).toBeGreaterThanOrEqual(4);
    expect(seen).toHaveLength(outcome.passes);
    for (const { promptTokens, request } of seen) expect(promptTokens + request.maxOutputTokens).toBeLessThanOrEqual(32_000);
    // Each pass updates the brief of the one before.
    expect(seen[1]!.request.messages[1]!.content).toContain("<previous-brief>\nbrief after pass 1\n</previous-brief>");
    expect(outcome.brief).toBe(`brief after pass ${outcome.passes}`);
  });

  it("falls back to the next summarizer and reports why the first failed", async () => {
    const items = transcriptItems(syntheticConversation(5), { clipChars: 2000 }, counter);
    const broken = windowChecked(200_000, () => "never", true);
    const working = windowChecked(100_000, () => "from the second");
    const outcome = await summarizeHistory({ items, summaryTokens: 2000, counter }, [broken.summarizer, working.summarizer]);
    expect(outcome.brief).toBe("from the second");
    expect(outcome.summarizer).toBe(working.summarizer);
    expect(outcome.failures).toEqual(["model-200000 on sim: 503 from the gateway"]);
  });

  it("throws a SummaryError when no summarizer can do it", async () => {
    const items = transcriptItems(syntheticConversation(5), { clipChars: 2000 }, counter);
    const tiny = windowChecked(6000, () => "x");
    await expect(summarizeHistory({ items, summaryTokens: 4000, counter }, [tiny.summarizer])).rejects.toBeInstanceOf(SummaryError);
    expect(tiny.seen).toHaveLength(0);
  });

  it("treats an empty answer as a failure", async () => {
    const items = transcriptItems(syntheticConversation(3), { clipChars: 2000 }, counter);
    const empty = windowChecked(100_000, () => "   ");
    await expect(summarizeHistory({ items, summaryTokens: 2000, counter }, [empty.summarizer])).rejects.toThrow(/came back empty/);
  });

  it("passes an abort on instead of trying the next summarizer", async () => {
    const items = transcriptItems(syntheticConversation(3), { clipChars: 2000 }, counter);
    const controller = new AbortController();
    const aborting: Summarizer = {
      ...windowChecked(100_000, () => "x").summarizer,
      async complete() {
        controller.abort();
        throw new Error("request was cancelled");
      },
    };
    const next = windowChecked(100_000, () => "should not be asked");
    await expect(summarizeHistory({ items, summaryTokens: 2000, counter, signal: controller.signal }, [aborting, next.summarizer])).rejects.toThrow(/cancelled/);
    expect(next.seen).toHaveLength(0);
  });

  it("summarizes as a continuation of the session's own request when it fits, else with the transcript passes", async () => {
    const conversation = syntheticConversation(20);
    const tools = [{ name: "read", description: "Read a file", parameters: { type: "object", properties: { path: { type: "string" } } } }];
    const messages = [{ role: "system" as const, content: "You are a coding agent." }, ...conversation];
    const items = transcriptItems(conversation, { clipChars: 2000 }, counter);
    const promptTokens = counter.countMessages(messages);
    const { summarizer, seen } = windowChecked(200_000, () => "## Task\ncontinued");
    const outcome = await summarizeHistory({ items, summaryTokens: 4000, counter, focus: "the parser" }, [{ ...summarizer, continuation: { messages, tools, promptTokens } }]);
    expect(outcome).toMatchObject({ brief: "## Task\ncontinued", passes: 1 });
    const request = seen[0]!.request;
    expect(request.tools).toEqual(tools);
    // The prefix is the session's request, unchanged and in order; only the instructions are new.
    expect(request.messages.slice(0, messages.length)).toEqual(messages);
    expect(request.messages).toHaveLength(messages.length + 1);
    expect(request.messages.at(-1)).toMatchObject({ role: "user", content: expect.stringContaining("the parser") });

    // A prefix too large for the window: the transcript form, without tools.
    const small = windowChecked(200_000, () => "## Task\nfrom the transcript");
    const tooLarge = await summarizeHistory({ items, summaryTokens: 4000, counter }, [{ ...small.summarizer, continuation: { messages, tools, promptTokens: 199_000 } }]);
    expect(tooLarge.brief).toBe("## Task\nfrom the transcript");
    expect(small.seen[0]!.request.tools).toEqual([]);
  });
});
