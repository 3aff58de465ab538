import { describe, expect, it } from "vitest";
import type { AssistantMessage, ChatMessage } from "../chat.js";
import { INTERRUPTED_TOOL_RESULT, NOT_RUN_TOOL_RESULT, replaySession } from "./replay-session.js";
import type { SessionEntryInput, SessionRecord } from "./session-record.js";

/** Stamps records the way `SessionLog` does, header first. */
function sessionOf(...entries: SessionEntryInput[]): SessionRecord[] {
  const header: SessionRecord = { seq: 1, at: "2026-01-01T00:00:00.000Z", type: "session", version: 1, id: "s", workspace: "/w", model: "kimi-k2-0905", gateway: "groq" };
  return [header, ...entries.map((entry, index) => ({ seq: index + 2, at: "2026-01-01T00:00:01.000Z", ...entry }) as SessionRecord)];
}

const user = (content: string): ChatMessage => ({ role: "user", content });
const calls = (...ids: string[]): AssistantMessage => ({ role: "assistant", content: null, toolCalls: ids.map((id) => ({ id, name: `tool-${id}`, arguments: "{}" })) });
const result = (id: string, content = `result ${id}`): ChatMessage => ({ role: "tool", toolCallId: id, content });
const message = (turn: number, chat: ChatMessage): SessionEntryInput => ({ type: "message", turn, message: chat });
const start = (turn: number, callId: string): SessionEntryInput => ({ type: "tool_start", turn, callId, name: `tool-${callId}`, arguments: {} });

describe("replaySession", () => {
  it("restores the latest value each plugin saved, whatever came between", () => {
    const replayed = replaySession(
      sessionOf(
        { type: "state", key: "compaction", value: { compactions: 1 } },
        message(1, user("a")),
        { type: "state", key: "other", value: [1] },
        { type: "compaction", turn: 2, reason: "tier3", tokensBefore: 10, tokensAfter: 5, messages: [user("summary")] },
        { type: "state", key: "compaction", value: { compactions: 2 } },
      ),
    );
    expect(replayed.saved).toEqual({ compaction: { compactions: 2 }, other: [1] });
  });

  it("applies messages in order and reports the header's model with no turns yet", () => {
    expect(replaySession(sessionOf())).toEqual({ messages: [], model: "kimi-k2-0905", gateway: "groq", turn: 0, pendingToolCalls: [], synthesized: [], saved: {} });
    const replayed = replaySession(sessionOf(message(1, user("a")), message(1, { role: "assistant", content: "b" }), { type: "feed", event: { type: "x", level: "info", message: "m" } }));
    expect(replayed.messages).toEqual([user("a"), { role: "assistant", content: "b" }]);
    expect(replayed.turn).toBe(1);
  });

  it("restarts from the last compaction and follows model switches", () => {
    const replayed = replaySession(
      sessionOf(
        message(1, user("old question")),
        message(1, { role: "assistant", content: "old answer" }),
        { type: "model_switch", turn: 2, from: { model: "kimi-k2-0905", gateway: "groq" }, to: { model: "glm-4.6", gateway: "z-ai" }, reason: "user" },
        { type: "compaction", turn: 2, reason: "first", tokensBefore: 10, tokensAfter: 5, messages: [user("summary one")] },
        message(2, user("middle")),
        { type: "compaction", turn: 3, reason: "second", tokensBefore: 10, tokensAfter: 5, messages: [user("summary two")] },
        message(3, user("newest")),
        { type: "model_switch", turn: 4, from: { model: "glm-4.6", gateway: "z-ai" }, to: { model: "glm-4.6", gateway: "fireworks" }, reason: "fallback" },
        { type: "interrupted", turn: 4, reason: "SIGINT" },
      ),
    );
    expect(replayed.messages).toEqual([user("summary two"), user("newest")]);
    expect(replayed).toMatchObject({ model: "glm-4.6", gateway: "fireworks", turn: 4 });
  });

  it("gives a started call with no saved result an 'outcome unknown' error instead of running it again", () => {
    const replayed = replaySession(sessionOf(message(1, user("go")), message(1, calls("a", "b")), start(1, "a"), message(1, result("a")), start(1, "b")));
    const expected = { role: "tool", toolCallId: "b", name: "tool-b", content: INTERRUPTED_TOOL_RESULT, isError: true };
    expect(replayed.messages).toEqual([user("go"), calls("a", "b"), result("a"), expected]);
    expect(replayed.pendingToolCalls).toEqual([{ callId: "b", name: "tool-b", turn: 1, started: true }]);
    expect(replayed.synthesized).toEqual([expected]);
  });

  it("marks calls the process never started as not run", () => {
    const replayed = replaySession(sessionOf(message(1, user("go")), message(1, calls("a", "b")), start(1, "a")));
    expect(replayed.messages.slice(2)).toEqual([
      { role: "tool", toolCallId: "a", name: "tool-a", content: INTERRUPTED_TOOL_RESULT, isError: true },
      { role: "tool", toolCallId: "b", name: "tool-b", content: NOT_RUN_TOOL_RESULT, isError: true },
    ]);
    expect(replayed.pendingToolCalls.map((call) => call.started)).toEqual([true, false]);
  });

  it("does not synthesize again once the synthesized results were appended", () => {
    const first = replaySession(sessionOf(message(1, user("go")), message(1, calls("a")), start(1, "a")));
    const resumed = replaySession(sessionOf(message(1, user("go")), message(1, calls("a")), start(1, "a"), ...first.synthesized.map((tool) => message(1, tool)), message(2, user("next"))));
    expect(resumed.synthesized).toEqual([]);
    expect(resumed.messages).toEqual([user("go"), calls("a"), first.synthesized[0], user("next")]);
  });

  it("attributes a reused call id to the latest call that made it", () => {
    const replayed = replaySession(
      sessionOf(message(1, calls("call_0")), start(1, "call_0"), message(1, result("call_0", "first")), message(2, user("again")), message(2, calls("call_0"))),
    );
    expect(replayed.messages.at(-1)).toEqual({ role: "tool", toolCallId: "call_0", name: "tool-call_0", content: NOT_RUN_TOOL_RESULT, isError: true });
    expect(replayed.pendingToolCalls).toEqual([{ callId: "call_0", name: "tool-call_0", turn: 2, started: false }]);
  });

  it("moves a result logged after other messages back next to its call, keeping existing order otherwise", () => {
    const replayed = replaySession(sessionOf(message(1, calls("a", "b")), message(1, result("b")), message(1, user("hm")), message(1, result("a"))));
    expect(replayed.messages).toEqual([calls("a", "b"), result("b"), result("a"), user("hm")]);
    expect(replayed.synthesized).toEqual([]);
  });

  it("closes calls left open inside a compaction's messages, remembering starts from before it", () => {
    const compaction = (...messages: ChatMessage[]): SessionEntryInput => ({ type: "compaction", turn: 2, reason: "r", tokensBefore: 2, tokensAfter: 1, messages });
    const started = replaySession(sessionOf(message(1, calls("x")), start(1, "x"), compaction(user("s"), calls("x"))));
    expect(started.messages.at(-1)).toMatchObject({ toolCallId: "x", content: INTERRUPTED_TOOL_RESULT });
    const neverStarted = replaySession(sessionOf(message(1, calls("x")), compaction(user("s"), calls("x"))));
    expect(neverStarted.messages.at(-1)).toMatchObject({ toolCallId: "x", content: NOT_RUN_TOOL_RESULT });
  });

  it("needs the header first", () => {
    expect(() => replaySession([])).toThrow(/header first; the first record is missing/);
    expect(() => replaySession(sessionOf(message(1, user("a"))).slice(1))).toThrow(/the first record is a message record/);
  });
});
