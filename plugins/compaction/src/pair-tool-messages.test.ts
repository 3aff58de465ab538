import type { ChatMessage } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { MISSING_TOOL_RESULT, pairToolMessages } from "./pair-tool-messages.js";
import { syntheticConversation } from "../test/synthetic-conversation.js";

const call = (id: string, name = "read") => ({ id, name, arguments: "{}" });

describe("pairToolMessages", () => {
  it("returns a well-formed conversation as the same array", () => {
    const messages = syntheticConversation(5);
    const outcome = pairToolMessages(messages);
    expect(outcome.messages).toBe(messages);
    expect(outcome).toMatchObject({ droppedResults: 0, addedResults: 0 });
  });

  it("drops a result whose call is gone (a cut before the call)", () => {
    const messages: ChatMessage[] = [
      { role: "tool", toolCallId: "gone", content: "old output" },
      { role: "user", content: "next" },
      { role: "assistant", content: "ok" },
    ];
    const outcome = pairToolMessages(messages);
    expect(outcome.messages.map((message) => message.role)).toEqual(["user", "assistant"]);
    expect(outcome.droppedResults).toBe(1);
  });

  it("adds an error result for a call without one, in call order", () => {
    const messages: ChatMessage[] = [
      { role: "user", content: "go" },
      { role: "assistant", content: null, toolCalls: [call("a"), call("b"), call("c")] },
      { role: "tool", toolCallId: "c", content: "C" },
      { role: "tool", toolCallId: "a", content: "A" },
      { role: "user", content: "next" },
    ];
    const outcome = pairToolMessages(messages);
    expect(outcome.addedResults).toBe(1);
    const results = outcome.messages.filter((message) => message.role === "tool");
    expect(results.map((message) => (message.role === "tool" ? message.toolCallId : ""))).toEqual(["a", "b", "c"]);
    expect(results[1]).toMatchObject({ content: MISSING_TOOL_RESULT, isError: true, name: "read" });
    expect(outcome.messages.at(-1)).toEqual({ role: "user", content: "next" });
  });

  it("drops duplicate and foreign results inside a block", () => {
    const messages: ChatMessage[] = [
      { role: "assistant", content: null, toolCalls: [call("a")] },
      { role: "tool", toolCallId: "a", content: "first" },
      { role: "tool", toolCallId: "a", content: "again" },
      { role: "tool", toolCallId: "z", content: "foreign" },
    ];
    const outcome = pairToolMessages(messages);
    expect(outcome.messages).toEqual([messages[0], messages[1]]);
    expect(outcome.droppedResults).toBe(2);
  });

  it("is idempotent", () => {
    const messages: ChatMessage[] = [
      { role: "tool", toolCallId: "x", content: "orphan" },
      { role: "assistant", content: null, toolCalls: [call("a"), call("b")] },
      { role: "tool", toolCallId: "b", content: "B" },
    ];
    const once = pairToolMessages(messages).messages;
    const twice = pairToolMessages(once);
    expect(twice.messages).toBe(once);
    expect(twice.addedResults + twice.droppedResults).toBe(0);
  });
});
