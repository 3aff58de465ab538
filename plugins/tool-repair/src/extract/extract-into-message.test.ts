import type { AssistantMessage } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { extractIntoMessage } from "./extract-into-message.js";

describe("extractIntoMessage", () => {
  it("moves leaked calls into toolCalls after the ones the gateway parsed", () => {
    const message: AssistantMessage = {
      role: "assistant",
      content: 'Reading.<|tool_calls_section_begin|><|tool_call_begin|>functions.read:1<|tool_call_argument_begin|>{"path": "b"}<|tool_call_end|><|tool_calls_section_end|>',
      toolCalls: [{ id: "functions.read:0", name: "read", arguments: '{"path":"a"}' }],
    };
    expect(extractIntoMessage(message)).toEqual({
      role: "assistant",
      content: "Reading.",
      toolCalls: [
        { id: "functions.read:0", name: "read", arguments: '{"path":"a"}' },
        { id: "functions.read:1", name: "read", arguments: '{"path":"b"}' },
      ],
    });
  });

  it("sets content to null when only markup was there, and keeps Harmony analysis as reasoning", () => {
    const message: AssistantMessage = {
      role: "assistant",
      content: '<|channel|>analysis<|message|>Need a file.<|end|><|start|>assistant<|channel|>commentary to=functions.read <|constrain|>json<|message|>{"path": "x"}<|call|>',
    };
    const next = extractIntoMessage(message);
    expect(next.content).toBeNull();
    expect(next.reasoning).toBe("Need a file.");
    expect(next.toolCalls?.map((call) => [call.name, call.arguments])).toEqual([["read", '{"path":"x"}']]);
  });

  it("returns the same message when there is nothing to extract", () => {
    const message: AssistantMessage = { role: "assistant", content: "Just text." };
    expect(extractIntoMessage(message)).toBe(message);
    const empty: AssistantMessage = { role: "assistant", content: null };
    expect(extractIntoMessage(empty)).toBe(empty);
  });
});
