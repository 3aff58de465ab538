import { type ChatRequest, ModelRegistry } from "@bridle/core";
import { createTestContext } from "@bridle/core/testing";
import { describe, expect, it } from "vitest";
import { createCompactionEngine } from "./compaction-engine.js";
import { fitRequest } from "./fit-request.js";
import { observeUsage } from "./observe-usage.js";
import { sessionState } from "./session-state.js";
import { isPrunedStub } from "./tool-output-stub.js";
import { syntheticConversation } from "../test/synthetic-conversation.js";

function registry(window: number) {
  const models = new ModelRegistry();
  models.define({ id: "m", family: "other", contextWindow: window, maxOutputTokens: 4096, toolCalls: true, reasoning: "none", reasoningReplay: "drop" });
  return models;
}

function setup(window: number, turns: number) {
  const messages = syntheticConversation(turns, { tool: 800, answer: 60 });
  const context = createTestContext({ model: "m", gateway: "g", models: registry(window), messages });
  const request = (): ChatRequest => ({ model: "m", gateway: "g", messages: [{ role: "system", content: "system prompt" }, ...context.conversation.messages()], tools: [], maxOutputTokens: 4096, body: {}, headers: {} });
  return { context, request };
}

describe("fitRequest", () => {
  it("returns the very same request below tier 1, so nothing about the prefix changes", async () => {
    const { context, request } = setup(64_000, 10);
    const engine = createCompactionEngine();
    const sent = request();
    expect(await fitRequest(sent, context, engine)).toBe(sent);
    expect(context.replacements).toHaveLength(0);
  });

  it("prunes old tool outputs past tier 1, keeping the system prompt and recent turns as they were", async () => {
    const { context, request } = setup(64_000, 40);
    const engine = createCompactionEngine();
    const sent = request();
    const fitted = await fitRequest(sent, context, engine);
    expect(fitted).not.toBe(sent);
    expect(fitted.messages[0]).toBe(sent.messages[0]);
    expect(context.replacements).toHaveLength(1);
    expect(context.replacements[0]!.info).toMatchObject({ reason: "tier1" });
    expect(fitted.messages.slice(1)).toEqual(context.conversation.messages());
    const tools = fitted.messages.filter((message) => message.role === "tool");
    expect(tools.filter((message) => message.role === "tool" && isPrunedStub(message)).length).toBe(tools.length - 3);
    expect(fitted.messages.at(-1)).toBe(sent.messages.at(-1));
    expect(context.events.find((event) => event.type === "compaction.done")?.message).toMatch(/^pruned 37 old tool outputs: \S+ to \S+ tokens \(past tier 1/);

    // The next request (same conversation plus a message) is not compacted again.
    const again = request();
    again.messages.push({ role: "user", content: "next" });
    expect(await fitRequest(again, context, engine)).toBe(again);
    expect(context.replacements).toHaveLength(1);
  });

  it("uses the calibration learned from reported usage", async () => {
    const { context, request } = setup(64_000, 20);
    const engine = createCompactionEngine();
    await fitRequest(request(), context, engine);
    expect(context.replacements).toHaveLength(0);
    // The gateway counts this model's prompts at twice the local estimate.
    const estimated = sessionState(context).pending!.estimated!;
    observeUsage({ model: "m", gateway: "g", finishReason: "stop", message: { role: "assistant", content: "ok" }, usage: { inputTokens: estimated * 2, outputTokens: 1 } }, context, engine);
    expect(engine.calibrations.get("m")!.ratio).toBeCloseTo(2, 5);
    expect(context.events.at(-1)).toMatchObject({ type: "context.usage", data: { cause: "calibrated", ratio: 2 } });
    await fitRequest(request(), context, engine);
    expect(context.replacements).toHaveLength(1);
  });
});
