import type { AgentEvent, AssistantMessage } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { type ScreenAction, screenReducer } from "./screen-reducer.js";
import { createScreenState, type ScreenState, type TranscriptEntry } from "./screen-state.js";

const run = (actions: ScreenAction[], state: ScreenState = createScreenState()) => actions.reduce(screenReducer, state);
const events = (...list: AgentEvent[]): ScreenAction[] => list.map((event) => ({ type: "agent-event", event }));
const assistant = (content: string | null, extra: Partial<AssistantMessage> = {}): AgentEvent => ({ type: "assistant", message: { role: "assistant", content, ...extra } });
const kinds = (state: ScreenState) => state.transcript.map((entry) => entry.kind);
const texts = (state: ScreenState) => state.transcript.flatMap((entry) => (entry.kind === "text" ? [entry.text] : []));
const usage = (inputTokens: number, outputTokens: number, cachedInputTokens?: number): AgentEvent => ({
  type: "usage",
  model: "m",
  gateway: "g",
  usage: { inputTokens, outputTokens, ...(cachedInputTokens === undefined ? {} : { cachedInputTokens }) },
  contextTokens: inputTokens + outputTokens,
  contextWindow: 100_000,
});

describe("screenReducer: a streamed answer", () => {
  it("keeps the answer live while it streams, then prints it once", () => {
    const streaming = run([{ type: "turn-submitted", text: "hi" }, ...events({ type: "turn_start", turn: 1, model: "m", gateway: "g" }, { type: "text", text: "Hel" }, { type: "text", text: "lo!" })]);
    expect(streaming.busy).toBe(true);
    expect(streaming.live?.text).toBe("Hello!");
    expect(kinds(streaming)).toEqual(["user"]);
    const done = run(events(assistant("Hello!"), usage(1_000, 20), { type: "done", reason: "stop", turn: 1 }), streaming);
    expect(kinds(done)).toEqual(["user", "text"]);
    expect(texts(done)).toEqual(["Hello!"]);
    expect(done.busy).toBe(false);
    expect(done.live).toBeUndefined();
    expect(done.reportedTokens).toBe(1_020);
  });

  it("prints the final content when the harness cleaned up the stream (a leaked tool call)", () => {
    const state = run([
      { type: "turn-submitted", text: "fix" },
      ...events({ type: "text", text: "I'll fix it.\n<tool_call>\n<function=edit>" }, assistant("I'll fix it.", { toolCalls: [{ id: "1", name: "edit", arguments: "{}" }] })),
    ]);
    expect(texts(state)).toEqual(["I'll fix it."]);
  });

  it("moves older lines of a long answer to the transcript while it streams, without losing or repeating any", () => {
    const lines = Array.from({ length: 40 }, (_, index) => `line ${index}`);
    let state = run([{ type: "turn-submitted", text: "long" }], createScreenState({ rows: 24 }));
    for (const line of lines) state = screenReducer(state, { type: "agent-event", event: { type: "text", text: `${line}\n` } });
    const liveLines = state.live!.text.split("\n").length - 1;
    expect(state.live!.lineBreaks).toBe(liveLines);
    expect(liveLines).toBeLessThanOrEqual(state.liveLineLimit);
    expect(texts(state).length).toBeGreaterThan(0);
    state = run(events(assistant(`${lines.join("\n")}\n`), { type: "done", reason: "stop", turn: 1 }), state);
    expect(texts(state).join("\n")).toBe(lines.join("\n"));
  });

  it("prints reasoning once, collapsed to its last lines, above the answer", () => {
    const reasoning = "one\ntwo\nthree\nfour\nfive";
    const state = run([
      { type: "turn-submitted", text: "think" },
      ...events({ type: "reasoning", text: reasoning }, { type: "text", text: "Answer." }, assistant("Answer.", { reasoning }), { type: "done", reason: "stop", turn: 1 }),
    ]);
    expect(kinds(state)).toEqual(["user", "reasoning", "text"]);
    expect(state.transcript[1]).toMatchObject({ lines: ["three", "four", "five"], hiddenLines: 2 });
  });

  it("shows more reasoning when expanded", () => {
    const expanded = run([{ type: "toggle-reasoning" }, { type: "turn-submitted", text: "x" }, ...events({ type: "reasoning", text: "a\nb\nc\nd" }, assistant("ok"))]);
    expect(expanded.transcript.find((entry) => entry.kind === "reasoning")).toMatchObject({ lines: ["a", "b", "c", "d"], hiddenLines: 0 });
  });

  it("uses the final message's reasoning when none was streamed", () => {
    const state = run([{ type: "turn-submitted", text: "x" }, ...events(assistant("ok", { reasoning: "thought" }))]);
    expect(kinds(state)).toEqual(["user", "reasoning", "text"]);
  });
});

describe("screenReducer: tool calls", () => {
  it("shows a running call live and prints it with its result and diff when it ends", () => {
    const running = run([
      { type: "turn-submitted", text: "edit" },
      ...events(assistant(null, { toolCalls: [{ id: "c1", name: "edit", arguments: "{}" }] }), { type: "tool_call", id: "c1", name: "edit", arguments: { path: "src/a.ts" }, repairs: ["null-for-optional"] }),
    ]);
    expect(running.live?.tools).toEqual([{ id: "c1", call: "edit src/a.ts", repairs: ["null-for-optional"] }]);
    const done = run(events({ type: "tool_result", id: "c1", name: "edit", content: "ok", isError: false, summary: "Edited src/a.ts (+1 −1)", diff: "@@ -1 +1 @@\n-a\n+b" }), running);
    expect(done.live?.tools).toEqual([]);
    expect(done.transcript.at(-1)).toEqual({
      id: expect.any(Number),
      kind: "tool",
      call: "edit src/a.ts",
      ok: true,
      result: "Edited src/a.ts (+1 −1)",
      diff: "@@ -1 +1 @@\n-a\n+b",
      repairs: ["null-for-optional"],
    } satisfies TranscriptEntry);
  });

  it("prints a failed call with the first line of its error and no diff", () => {
    const state = run([{ type: "turn-submitted", text: "x" }, ...events({ type: "tool_call", id: "c", name: "bash", arguments: { command: "npm test" }, repairs: [] }, { type: "tool_result", id: "c", name: "bash", content: "exit 1\nmore", isError: true, diff: "x" })]);
    expect(state.transcript.at(-1)).toMatchObject({ kind: "tool", call: "bash npm test", ok: false, result: "exit 1", diff: undefined });
  });

  it("prints a rejected call that never started under its name", () => {
    const state = run([{ type: "turn-submitted", text: "x" }, ...events({ type: "tool_result", id: "r", name: "nope", content: "Unknown tool", isError: true })]);
    expect(state.transcript.at(-1)).toMatchObject({ kind: "tool", call: "nope", ok: false });
  });
});

describe("screenReducer: cancelling and errors", () => {
  it("keeps what streamed before a cancel, marks running calls and says the turn was cancelled", () => {
    const state = run([
      { type: "turn-submitted", text: "x" },
      ...events({ type: "text", text: "partial answ" }),
      { type: "cancel-requested" },
      ...events({ type: "tool_call", id: "c", name: "bash", arguments: { command: "sleep 9" }, repairs: [] }, { type: "done", reason: "aborted", turn: 1 }),
    ]);
    expect(kinds(state)).toEqual(["user", "text", "tool", "turn-end"]);
    expect(texts(state)).toEqual(["partial answ"]);
    expect(state.transcript[2]).toMatchObject({ ok: false, result: "cancelled" });
    expect(state.transcript[3]).toMatchObject({ reason: "aborted" });
    expect(state.busy).toBe(false);
  });

  it("prints an error with the gateway, status and request id, and no second line for the turn end", () => {
    const state = run([{ type: "turn-submitted", text: "x" }, ...events({ type: "error", message: "rate limited", gateway: "fireworks", status: 429, requestId: "abc" }, { type: "done", reason: "error", turn: 1, message: "rate limited" })]);
    expect(state.transcript.slice(1)).toEqual([{ id: expect.any(Number), kind: "error", message: "rate limited", details: "fireworks · HTTP 429 · request abc" }]);
  });

  it("prints why a turn stopped early", () => {
    const state = run([{ type: "turn-submitted", text: "x" }, ...events({ type: "done", reason: "doom-loop", turn: 1, message: "stopped: same call failed 3 times" })]);
    expect(state.transcript.at(-1)).toMatchObject({ kind: "turn-end", reason: "doom-loop", message: "stopped: same call failed 3 times" });
  });
});

describe("screenReducer: usage, feed, compaction, switches", () => {
  it("sums usage per model and gateway and tracks the last context size", () => {
    const state = run(events(usage(1_000, 100, 600), usage(2_000, 50)));
    expect(state.totals["m @ g"]).toEqual({
      model: "m",
      gateway: "g",
      requests: 2,
      inputTokens: 3_000,
      outputTokens: 150,
      cachedInputTokens: 600,
      cachedUnknown: 1,
      recent: [{ inputTokens: 1_000, cachedInputTokens: 600 }, { inputTokens: 2_000 }],
    });
    expect(state.reportedTokens).toBe(2_050);
  });

  it("prints feed events from the kernel and ignores the agent's copy of them", () => {
    const event = { type: "request.retry", level: "warn" as const, message: "retrying in 1 s" };
    const state = run([{ type: "feed", event }, ...events({ type: "feed", event })]);
    expect(state.transcript).toEqual([{ id: 1, kind: "feed", level: "warn", message: "retrying in 1 s" }]);
  });

  it("notes a compaction and takes its size as the context size", () => {
    const state = run(events({ type: "compaction", reason: "tier 3", tokensBefore: 612_000, tokensAfter: 84_000 }));
    expect(state.reportedTokens).toBe(84_000);
    expect(state.transcript[0]).toMatchObject({ kind: "note", text: "compacted the context from 612k to 84k tokens (tier 3)" });
  });

  it("notes a fallback switch", () => {
    const state = run(events({ type: "model_switch", from: { model: "a", gateway: "x" } as never, to: { model: "b", gateway: "y" } as never, reason: "fallback" }));
    expect(state.transcript[0]).toMatchObject({ kind: "note", text: "switched to b @ y (fallback)" });
  });
});

describe("screenReducer: the prompt", () => {
  it("arms exit on the first ctrl-c and disarms on any edit", () => {
    const armed = run([{ type: "exit-armed", armed: true }]);
    expect(armed.notice).toMatch(/ctrl-c again/);
    const disarmed = run([{ type: "edit", input: "a", key: {} }], armed);
    expect(disarmed).toMatchObject({ exitArmed: false, notice: undefined });
  });

  it("numbers entries in order", () => {
    const state = run([{ type: "print", entries: [{ kind: "note", tone: "info", text: "a" }, { kind: "note", tone: "info", text: "b" }] }, { type: "turn-submitted", text: "c" }]);
    expect(state.transcript.map((entry) => entry.id)).toEqual([1, 2, 3]);
  });
});

describe("screenReducer: the context engine's usage updates", () => {
  it("moves the gauge to the calibrated count a model switch reports, and prints the line", () => {
    const event = { type: "context.usage", level: "info" as const, message: "context 13k of 200k (7%)", data: { tokens: 13_000, contextWindow: 200_000 } };
    const state = run([{ type: "feed", event }]);
    expect(state.reportedTokens).toBe(13_000);
    expect(state.transcript.at(-1)).toMatchObject({ kind: "feed", message: "context 13k of 200k (7%)" });
    const other = run([{ type: "feed", event: { type: "tool.repaired", level: "info" as const, message: "repaired", data: { tokens: 5 } } }]);
    expect(other.reportedTokens).toBeUndefined();
  });
});
