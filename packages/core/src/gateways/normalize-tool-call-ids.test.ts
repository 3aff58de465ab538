import { describe, expect, it } from "vitest";
import type { AssistantMessage, ChatMessage, ToolMessage } from "../chat.js";
import { normalizeToolCallIds } from "./normalize-tool-call-ids.js";

const call = (id: string, name = "read"): AssistantMessage => ({ role: "assistant", content: null, toolCalls: [{ id, name, arguments: "{}" }] });
const result = (id: string): ToolMessage => ({ role: "tool", toolCallId: id, content: `result of ${id}` });
const LONG = `fc_${"x".repeat(447)}`;

/** Every call id, and every result id, in order. */
function ids(messages: readonly ChatMessage[]): { calls: string[]; results: string[] } {
  return {
    calls: messages.flatMap((message) => (message.role === "assistant" ? (message.toolCalls ?? []).map((each) => each.id) : [])),
    results: messages.flatMap((message) => (message.role === "tool" ? [message.toolCallId] : [])),
  };
}

describe("normalizeToolCallIds", () => {
  it("shortens a 450-character id to the limit, the call and its result alike", () => {
    const out = ids(normalizeToolCallIds([call(LONG), result(LONG), call("call_ok"), result("call_ok")], { maxLength: 40 }));
    expect(out.calls[0]).toMatch(/^[A-Za-z0-9]{1,40}$/);
    expect(out.results).toEqual(out.calls);
    expect(out.calls[1]).toBe("call_ok");
  });

  it("is deterministic and prefix-stable: appending a turn never changes earlier ids", () => {
    const first = [call(LONG), result(LONG)];
    const later = [...first, { role: "user" as const, content: "more" }, call(`${LONG}y`), result(`${LONG}y`)];
    const once = normalizeToolCallIds(first, { maxLength: 40 });
    expect(normalizeToolCallIds(first, { maxLength: 40 })).toEqual(once);
    expect(normalizeToolCallIds(later, { maxLength: 40 }).slice(0, 2)).toEqual(once);
  });

  it("keeps ids unique: a second call under the same id gets its own, and each result follows its call", () => {
    const messages = [call("call_0"), result("call_0"), call("call_0"), result("call_0")];
    const out = ids(normalizeToolCallIds(messages, {}));
    expect(out.calls[0]).toBe("call_0");
    expect(out.calls[1]).not.toBe("call_0");
    expect(out.results).toEqual(out.calls);
    const parallel: AssistantMessage = { role: "assistant", content: null, toolCalls: [{ id: "x", name: "read", arguments: "{}" }, { id: "x", name: "ls", arguments: "{}" }] };
    const both = ids(normalizeToolCallIds([parallel, result("x"), result("x")], { maxLength: 40 }));
    expect(new Set(both.calls).size).toBe(2);
    expect(both.results).toEqual(both.calls);
  });

  it("fits a pattern and length exactly (Mistral's 9 alphanumerics), duplicates included", () => {
    const out = ids(normalizeToolCallIds([call("functions.read:0"), result("functions.read:0"), call("functions.read:0"), result("functions.read:0")], { maxLength: 9, pattern: /^[A-Za-z0-9]{9}$/ }));
    for (const id of out.calls) expect(id).toMatch(/^[A-Za-z0-9]{9}$/);
    expect(new Set(out.calls).size).toBe(2);
    expect(out.results).toEqual(out.calls);
  });

  it("gives a Kimi target functions.NAME:N ids, counting on from its own, and keeps its own verbatim", () => {
    const messages = [call(LONG, "read"), result(LONG), call("call_abc", "bash"), result("call_abc"), call("functions.grep:7", "grep"), result("functions.grep:7"), call("zzz", "ls"), result("zzz")];
    const out = ids(normalizeToolCallIds(messages, { form: "functions" }));
    expect(out.calls).toEqual(["functions.read:0", "functions.bash:1", "functions.grep:7", "functions.ls:8"]);
    expect(out.results).toEqual(out.calls);
  });

  it("returns the same array when every id already fits", () => {
    const messages = [call("functions.read:0"), result("functions.read:0")];
    expect(normalizeToolCallIds(messages, { form: "functions" })).toBe(messages);
    expect(normalizeToolCallIds(messages, { maxLength: 40 })).toBe(messages);
  });

  it("gives an empty id one that fits", () => {
    const out = ids(normalizeToolCallIds([call(""), result("")], {}));
    expect(out.calls[0]).not.toBe("");
    expect(out.results).toEqual(out.calls);
  });
});
