import { describe, expect, it } from "vitest";
import type { ChatRequest } from "../chat.js";
import { KNOWN_GATEWAYS } from "../gateways/known-gateways.js";
import type { ModelInfo } from "../model-registry.js";
import { toWireBody } from "./to-wire-body.js";

const gateway = (id: string) => KNOWN_GATEWAYS.find((entry) => entry.id === id)!;
const request: ChatRequest = {
  model: "deepseek-v3.2",
  gateway: "deepseek",
  messages: [
    { role: "system", content: "sys" },
    { role: "user", content: "bad \uD800 surrogate" },
    { role: "assistant", content: null, reasoning: "I should read", reasoningField: "reasoning_content", toolCalls: [{ id: "call_1", name: "read", arguments: "" }] },
    { role: "tool", toolCallId: "call_1", content: "file" },
    { role: "assistant", content: "done" },
  ],
  tools: [{ name: "read", description: "Read", parameters: { type: "object" } }],
  maxOutputTokens: 1000,
  body: { prompt_cache_key: "s1" },
  headers: {},
};
const model = (reasoningReplay: ModelInfo["reasoningReplay"], replayRejectsEmpty = false): ModelInfo => ({
  id: "m",
  family: "f",
  contextWindow: 1,
  maxOutputTokens: 1,
  toolCalls: true,
  reasoning: "always",
  reasoningReplay,
  replayRejectsEmpty,
});

describe("toWireBody", () => {
  it("uses the slug, the gateway's token parameter, and plugin fields", () => {
    const body = toWireBody(request, { slug: "deepseek-chat", gateway: gateway("deepseek"), model: undefined });
    expect(body).toMatchObject({ model: "deepseek-chat", max_tokens: 1000, stream: true, stream_options: { include_usage: true }, prompt_cache_key: "s1" });
    expect(toWireBody(request, { slug: "x", gateway: gateway("cerebras"), model: undefined })).toMatchObject({ max_completion_tokens: 1000 });
  });

  it("sends empty arguments as {} and replaces lone surrogates", () => {
    const body = toWireBody(request, { slug: "x", gateway: gateway("deepseek"), model: undefined }) as { messages: any[] };
    expect(body.messages[1].content).toBe("bad \uFFFD surrogate");
    expect(body.messages[2].tool_calls[0].function.arguments).toBe("{}");
  });

  it("replays reasoning as the model requires", () => {
    const tools = toWireBody(request, { slug: "x", gateway: gateway("deepseek"), model: model("tool-turns") }) as { messages: any[] };
    expect(tools.messages[2].reasoning_content).toBe("I should read");
    expect(tools.messages[4]).not.toHaveProperty("reasoning_content");
    const all = toWireBody(request, { slug: "x", gateway: gateway("deepseek"), model: model("all-turns") }) as { messages: any[] };
    expect(all.messages[4].reasoning_content).toBe("");
    const kimi = toWireBody(request, { slug: "x", gateway: gateway("moonshot"), model: model("all-turns", true) }) as { messages: any[] };
    expect(kimi.messages[4]).not.toHaveProperty("reasoning_content");
    const dropped = toWireBody(request, { slug: "x", gateway: gateway("deepseek"), model: model("drop") }) as { messages: any[] };
    expect(dropped.messages[2]).not.toHaveProperty("reasoning_content");
  });
});
