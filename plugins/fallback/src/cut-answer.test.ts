import type { ChatResponse } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { moreOutputRoom } from "./cut-answer.js";

const cut = (inputTokens: number): ChatResponse => ({
  model: "m",
  gateway: "g",
  finishReason: "length",
  message: { role: "assistant", content: null, toolCalls: [{ id: "1", name: "write", arguments: '{"path":"a' }] },
  usage: { inputTokens, outputTokens: 1000 },
});

describe("moreOutputRoom", () => {
  it("doubles the output room within the model's limit and the window", () => {
    expect(moreOutputRoom(cut(1000), 1000, { contextWindow: 64_000, maxOutputTokens: 8000 })).toBe(2000);
    expect(moreOutputRoom(cut(1000), 6000, { contextWindow: 64_000, maxOutputTokens: 8000 })).toBe(8000);
    expect(moreOutputRoom(cut(60_000), 1000, { contextWindow: 64_000, maxOutputTokens: 8000 })).toBe(2000);
  });

  it("has no more room to give at the limit, or when the window is full", () => {
    expect(moreOutputRoom(cut(1000), 8000, { contextWindow: 64_000, maxOutputTokens: 8000 })).toBeUndefined();
    expect(moreOutputRoom(cut(62_500), 1000, { contextWindow: 64_000, maxOutputTokens: 8000 })).toBeUndefined();
  });

  it("only answers for a cut inside a tool call", () => {
    expect(moreOutputRoom({ ...cut(1000), finishReason: "stop" }, 1000, { contextWindow: 64_000, maxOutputTokens: 8000 })).toBeUndefined();
  });
});
