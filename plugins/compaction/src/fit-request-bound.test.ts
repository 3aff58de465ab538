import { type ChatRequest, ModelRegistry, tokenizerLoaded } from "@bridle/core";
import { createTestContext } from "@bridle/core/testing";
import { describe, expect, it } from "vitest";
import { createCompactionEngine } from "./compaction-engine.js";
import { fitRequest } from "./fit-request.js";
import { observeUsage } from "./observe-usage.js";
import { exactTokens } from "./request-estimate.js";
import { sessionState } from "./session-state.js";
import { syntheticConversation, words } from "../test/synthetic-conversation.js";

// Its own file: whether the tokenizer is loaded is process-wide state, and these tests start
// with it not loaded.

function setup(window: number, turns: number) {
  const models = new ModelRegistry();
  models.define({ id: "m", family: "other", contextWindow: window, maxOutputTokens: 4096, toolCalls: true, reasoning: "none", reasoningReplay: "drop" });
  const context = createTestContext({ model: "m", gateway: "g", models, messages: syntheticConversation(turns, { tool: 800, answer: 60 }) });
  const request = (): ChatRequest => ({ model: "m", gateway: "g", messages: [{ role: "system", content: "system prompt" }, ...context.conversation.messages()], tools: [], maxOutputTokens: 4096, body: {}, headers: {} });
  return { context, request };
}

const reply = (inputTokens: number) => ({ model: "m", gateway: "g", finishReason: "stop" as const, message: { role: "assistant" as const, content: "ok" }, usage: { inputTokens, outputTokens: 1 } });

describe("fitRequest far from every tier", () => {
  it("sends the request unchanged on an upper bound, without loading the tokenizer, and keeps its usage for later", async () => {
    const { context, request } = setup(262_144, 3);
    const engine = createCompactionEngine();
    const sent = request();
    expect(await fitRequest(sent, context, engine)).toBe(sent);
    expect(sessionState(context).pending).toMatchObject({ estimated: undefined, request: sent });
    observeUsage(reply(9_000), context, engine);
    expect(tokenizerLoaded()).toBe(false);
    expect(engine.calibrations.size).toBe(0);
    expect(sessionState(context).deferredUsage).toHaveLength(1);
  });

  it("folds the kept usage into the calibration once a request needs exact counts", async () => {
    const { context, request } = setup(262_144, 3);
    const engine = createCompactionEngine();
    const small = request();
    await fitRequest(small, context, engine);
    observeUsage(reply(3_000), context, engine);
    // 40k tokens of filler are 200k bytes: the bound passes tier 1, so the exact count runs.
    const large = request();
    await fitRequest({ ...large, messages: [...large.messages, { role: "user", content: words(40_000) }] }, context, engine);
    expect(tokenizerLoaded()).toBe(true);
    expect(sessionState(context).deferredUsage).toHaveLength(0);
    expect(engine.calibrations.get("m")!.ratio).toBeCloseTo(Math.min(2, 3_000 / exactTokens(small, context.tokens)), 5);
    expect(context.events.at(-1)).toMatchObject({ type: "context.usage", data: { cause: "calibrated" } });
  });
});
