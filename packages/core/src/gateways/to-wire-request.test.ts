import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../chat.js";
import type { ModelInfo } from "../model-registry.js";
import { defineGateway } from "./define-gateway.js";
import { toWireRequest } from "./to-wire-request.js";

const plain = defineGateway({ id: "acme", name: "Acme", baseURL: "https://api.acme.example/v1" });
const request: ChatRequest = {
  model: "deepseek-v3.2",
  gateway: "acme",
  messages: [
    { role: "system", content: "sys" },
    { role: "user", content: "bad \uD800 surrogate" },
    { role: "assistant", content: null, reasoning: "I should read", reasoningField: "reasoning_content", toolCalls: [{ id: "functions.read:0", name: "read", arguments: "" }] },
    { role: "tool", toolCallId: "functions.read:0", content: "file" },
    { role: "assistant", content: "done" },
  ],
  tools: [{ name: "read", description: "Read", parameters: { type: "object" } }],
  maxOutputTokens: 1000,
  body: { prompt_cache_key: "s1" },
  headers: {},
};
const model = (reasoningReplay: ModelInfo["reasoningReplay"], replayRejectsEmpty = false, family = "deepseek"): ModelInfo => ({
  id: "m",
  family,
  contextWindow: 1,
  maxOutputTokens: 1,
  toolCalls: true,
  reasoning: "always",
  reasoningReplay,
  replayRejectsEmpty,
});
const messages = (wire: { body: Record<string, unknown> }) => wire.body.messages as Array<Record<string, any>>;

describe("toWireRequest", () => {
  it("uses the slug, the output-limit name, usage in the stream, and plugin fields", () => {
    const wire = toWireRequest(plain, request, { slug: "deepseek-chat", model: undefined });
    expect(wire.body).toMatchObject({ model: "deepseek-chat", max_tokens: 1000, stream: true, stream_options: { include_usage: true }, prompt_cache_key: "s1" });
    const other = defineGateway({ ...plain, request: { maxTokensField: "max_completion_tokens", streamUsage: false } });
    const shaped = toWireRequest(other, request, { slug: "x", model: undefined }).body;
    expect(shaped).toMatchObject({ max_completion_tokens: 1000 });
    expect(shaped).not.toHaveProperty("stream_options");
  });

  it("sends empty arguments as {}, replaces lone surrogates and keeps Kimi ids verbatim", () => {
    const wire = toWireRequest(plain, request, { slug: "x", model: undefined });
    expect(messages(wire)[1]!.content).toBe("bad \uFFFD surrogate");
    expect(messages(wire)[2]!.tool_calls[0]).toMatchObject({ id: "functions.read:0", function: { arguments: "{}" } });
    expect(messages(wire)[3]!.tool_call_id).toBe("functions.read:0");
  });

  it("shortens ids only where the gateway requires it, the same way for a call and its result", () => {
    const strict = defineGateway({ ...plain, toolCallIds: { maxLength: 9, pattern: /^[A-Za-z0-9]+$/ } });
    const wire = toWireRequest(strict, request, { slug: "x", model: undefined });
    const id = messages(wire)[2]!.tool_calls[0].id as string;
    expect(id).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(messages(wire)[3]!.tool_call_id).toBe(id);
  });

  it("gives a model family its template's id form where the gateway says so, the limit to the others", () => {
    const long = { ...request, messages: request.messages.map((message) => (message.role === "assistant" && message.toolCalls ? { ...message, toolCalls: message.toolCalls.map((call) => ({ ...call, id: "y".repeat(450) })) } : message.role === "tool" ? { ...message, toolCallId: "y".repeat(450) } : message)) };
    const gateway = defineGateway({ ...plain, toolCallIds: { maxLength: 40, families: { kimi: "functions" } } });
    const kimi = messages(toWireRequest(gateway, long, { slug: "x", model: model("drop", true, "kimi") }));
    expect(kimi[2]!.tool_calls[0].id).toBe("functions.read:0");
    expect(kimi[3]!.tool_call_id).toBe("functions.read:0");
    const other = messages(toWireRequest(gateway, long, { slug: "x", model: model("drop") }));
    expect((other[2]!.tool_calls[0].id as string).length).toBeLessThanOrEqual(40);
    expect(other[3]!.tool_call_id).toBe(other[2]!.tool_calls[0].id);
  });

  it("replays reasoning as the family requires, under the field it came in, never empty where rejected", () => {
    const tools = messages(toWireRequest(plain, request, { slug: "x", model: model("tool-turns") }));
    expect(tools[2]!.reasoning_content).toBe("I should read");
    expect(tools[4]).not.toHaveProperty("reasoning_content");
    const all = messages(toWireRequest(plain, request, { slug: "x", model: model("all-turns") }));
    expect(all[4]!.reasoning_content).toBe("");
    const kimi = messages(toWireRequest(plain, request, { slug: "x", model: model("all-turns", true, "kimi") }));
    expect(kimi[4]).not.toHaveProperty("reasoning_content");
    expect(kimi[2]!.reasoning_content).toBe("I should read");
    expect(messages(toWireRequest(plain, request, { slug: "x", model: model("drop") }))[2]).not.toHaveProperty("reasoning_content");
  });

  it("lets a gateway set the replay rule per family and its own field name", () => {
    const gateway = defineGateway({ ...plain, reasoning: { replay: { deepseek: "drop", kimi: "tool-turns" }, replayField: "reasoning" } });
    expect(messages(toWireRequest(gateway, request, { slug: "x", model: model("tool-turns") }))[2]).not.toHaveProperty("reasoning_content");
    const kimi = messages(toWireRequest(gateway, request, { slug: "x", model: model("drop", true, "kimi") }));
    expect(kimi[2]).toMatchObject({ reasoning: "I should read" });
    expect(kimi[2]).not.toHaveProperty("reasoning_content");
  });

  it("applies what negotiation learned: dropped and renamed fields, replay turned on", () => {
    const capabilities = { dropped: ["stream_options", "prompt_cache_key"], renamed: { max_tokens: "max_completion_tokens" }, replay: { field: "reasoning_content" } };
    const wire = toWireRequest(plain, request, { slug: "x", model: undefined, capabilities });
    expect(wire.body).not.toHaveProperty("stream_options");
    expect(wire.body).not.toHaveProperty("prompt_cache_key");
    expect(wire.body).not.toHaveProperty("max_tokens");
    expect(wire.body.max_completion_tokens).toBe(1000);
    expect(messages(wire)[2]!.reasoning_content).toBe("I should read");
    expect(messages(wire)[4]!.reasoning_content).toBe("");
  });

  it("sends reasoning under the other name when the gateway refused one, and none when it refused both", () => {
    const one = messages(toWireRequest(plain, request, { slug: "x", model: model("tool-turns"), capabilities: { dropped: ["messages.reasoning_content"], renamed: {} } }));
    expect(one[2]).toMatchObject({ reasoning: "I should read" });
    expect(one[2]).not.toHaveProperty("reasoning_content");
    const none = messages(toWireRequest(plain, request, { slug: "x", model: model("tool-turns"), capabilities: { dropped: ["messages.reasoning_content", "messages.reasoning"], renamed: {} } }));
    expect(none[2]).not.toHaveProperty("reasoning");
    expect(none[2]).not.toHaveProperty("reasoning_content");
  });

  it("spells reasoning wishes and the affinity key the gateway's way, then runs its wire code", () => {
    const gateway = defineGateway({
      ...plain,
      reasoning: { effort: { field: "reasoning.effort", values: { max: "high" } }, toggle: { on: { thinking: { type: "enabled" } }, off: { thinking: { type: "disabled" } } } },
      affinity: { bodyField: "session_id", header: "x-session-affinity" },
      request: { drop: ["temperature"], body: { context_length_exceeded_behavior: "error" }, headers: { "x-title": "bridle" } },
      hooks: { wire: (wire, context) => ({ ...wire, body: { ...wire.body, options: { num_ctx: context.slug.length } } }) },
    });
    const wire = toWireRequest(gateway, { ...request, temperature: 0.3, affinityKey: "session-1", reasoning: { enabled: false, effort: "max" } }, { slug: "abcd", model: undefined });
    expect(wire.body).toMatchObject({ reasoning: { effort: "high" }, thinking: { type: "disabled" }, session_id: "session-1", context_length_exceeded_behavior: "error", options: { num_ctx: 4 } });
    expect(wire.body).not.toHaveProperty("temperature");
    expect(wire.headers).toEqual({ "x-title": "bridle", "x-session-affinity": "session-1" });
  });
});
