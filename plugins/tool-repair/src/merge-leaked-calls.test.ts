import type { AssistantMessage } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { mergeLeakedCalls } from "./merge-leaked-calls.js";

const structured: AssistantMessage = { role: "assistant", content: "<markup>", toolCalls: [{ id: "a", name: "read", arguments: '{"path":"x"}' }] };

describe("mergeLeakedCalls", () => {
  it("keeps calls leaked into text when the gateway structured none", () => {
    const extracted: AssistantMessage = { role: "assistant", content: null, toolCalls: [{ id: "b", name: "read", arguments: '{"path":"y"}' }] };
    expect(mergeLeakedCalls({ role: "assistant", content: "<markup>" }, extracted)).toBe(extracted);
  });

  it("does not run a call twice when the text repeats a structured call", () => {
    const extracted: AssistantMessage = { role: "assistant", content: null, toolCalls: [...structured.toolCalls!, { id: "b", name: "Read", arguments: '{"path":"x"}' }] };
    expect(mergeLeakedCalls(structured, extracted).toolCalls).toEqual(structured.toolCalls);
  });

  it("fills an empty structured call from its leaked twin and keeps leaked calls to other tools", () => {
    const empty: AssistantMessage = { role: "assistant", content: "<markup>", toolCalls: [{ id: "a", name: "read", arguments: "" }] };
    const extracted: AssistantMessage = {
      role: "assistant",
      content: null,
      toolCalls: [empty.toolCalls![0]!, { id: "b", name: "read", arguments: '{"path":"x"}' }, { id: "c", name: "bash", arguments: '{"command":"ls"}' }],
    };
    expect(mergeLeakedCalls(empty, extracted).toolCalls).toEqual([
      { id: "a", name: "read", arguments: '{"path":"x"}' },
      { id: "c", name: "bash", arguments: '{"command":"ls"}' },
    ]);
  });
});
