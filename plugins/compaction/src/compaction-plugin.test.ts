import type { GatewaySim } from "@bridle/gateway-sim";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { isSummaryMessage } from "./summary-message.js";
import { createSimSession, isSummaryRequest, nextRequestTokens, SIM_MODELS, type SimSession, startSim } from "../test/sim-session.js";
import { syntheticConversation } from "../test/synthetic-conversation.js";

const BRIEF = "## Task\nKeep porting the parser.\n## Next steps\nRun the tests.";
const mainAnswers = { when: { hasTools: true }, repeat: true, content: "ok" } as const;
const briefs = { when: { hasTools: false }, repeat: true, content: BRIEF } as const;

let sim: GatewaySim;
let session: SimSession | undefined;

beforeAll(async () => {
  sim = await startSim();
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.setScenario({ steps: [briefs, mainAnswers] });
  sim.requests.clear();
});
afterEach(() => {
  session?.close();
  session = undefined;
});

const completions = () => sim.requests.all().filter((request) => request.path.endsWith("/chat/completions"));
const turnRun = () => ({ signal: new AbortController().signal, onEvent: () => {} });
const compactionRecords = (current: SimSession) => current.records().filter((record) => record.type === "compaction");

describe("model switch reconcile", () => {
  it("600k on a 1M model, switched to a 200k model: compacted in place below tier 3 before the next request", async () => {
    // ~3.6k tokens a turn: a 3k-token tool output, a question and an answer.
    const history = syntheticConversation(160, { tool: 3000, answer: 400, user: 100 });
    session = createSimSession(sim, { model: SIM_MODELS.big.slug, history });
    const before = nextRequestTokens(session.agent);
    expect(before).toBeGreaterThan(590_000);
    expect(before).toBeLessThan(620_000);

    await session.agent.switchModel(SIM_MODELS.mid.slug);

    // Compacted before control came back, below tier 3 of the new window.
    const after = nextRequestTokens(session.agent);
    expect(after).toBeLessThan(0.9 * SIM_MODELS.mid.contextWindow);
    expect(after).toBeLessThan(0.4 * SIM_MODELS.mid.contextWindow);
    const done = session.feed.filter((event) => event.type === "compaction.done");
    expect(done).toHaveLength(1);
    expect(done[0]!.message).toMatch(/^switched models, compacted 6\d\dk to [\d.]+k to fit acme\/mid-200k's 200k window/);
    expect(session.feed.some((event) => event.type === "context.usage" && event.data?.contextWindow === 200_000)).toBe(true);

    // The summary was written by the outgoing 1M model, with no tools, inside its window.
    const summaries = completions().filter(isSummaryRequest);
    expect(summaries.length).toBeGreaterThanOrEqual(1);
    for (const request of summaries) {
      expect(request.model).toBe(SIM_MODELS.big.slug);
      expect(request.outcome).toBe("reply");
    }
    const first = session.agent.messages[0]!;
    expect(isSummaryMessage(first)).toBe(true);
    expect(first.content).toContain(BRIEF);
    expect(first.content).toContain("Task 1:");
    // The recent turns are verbatim, the same objects.
    expect(session.agent.messages.at(-1)).toBe(history.at(-1));

    // The pre-compaction conversation stays in the log: compaction is an appended record.
    const records = compactionRecords(session);
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ reason: "model-switch" });

    // The next request fits the 200k window.
    sim.requests.clear();
    const result = await session.agent.runTurn("continue", turnRun());
    expect(result.reason).toBe("stop");
    const sent = completions();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ model: SIM_MODELS.mid.slug, outcome: "reply" });
    expect(sent[0]!.promptTokens! + (sent[0]!.maxTokens ?? 0)).toBeLessThanOrEqual(SIM_MODELS.mid.contextWindow);
  });

  it("920k on a 1M model switched to another 1M model: no compaction at the switch; the next turn's tiers decide", async () => {
    const history = syntheticConversation(245, { tool: 3000, answer: 400, user: 100 });
    session = createSimSession(sim, { model: SIM_MODELS.big.slug, history });
    const before = nextRequestTokens(session.agent);
    expect(before).toBeGreaterThan(910_000);
    expect(before).toBeLessThan(940_000);

    await session.agent.switchModel(SIM_MODELS.bigOther.slug);
    expect(session.feed.filter((event) => event.type === "compaction.done")).toHaveLength(0);
    expect(session.agent.messages).toHaveLength(history.length);
    expect(completions()).toHaveLength(0);
    const usage = session.feed.find((event) => event.type === "context.usage");
    expect(usage?.data).toMatchObject({ model: SIM_MODELS.bigOther.slug, contextWindow: 1_000_000 });

    // 920k is past tier 3 (900k) of the new 1M window: the next request compacts first.
    const result = await session.agent.runTurn("continue", turnRun());
    expect(result.reason).toBe("stop");
    expect(compactionRecords(session)).toEqual([expect.objectContaining({ reason: "tier3" })]);
    const main = completions().filter((request) => !isSummaryRequest(request));
    expect(main).toHaveLength(1);
    expect(main[0]!.promptTokens).toBeLessThan(0.5 * 1_000_000);
    // The system prompt is never touched.
    expect((main[0]!.body as { messages: Array<{ role: string; content: string }> }).messages[0]).toEqual({ role: "system", content: "You are a coding agent under test." });
  });

  it("two switches in quick succession: the second waits for the first's compaction, one compaction counted once, and the final model fits", async () => {
    const history = syntheticConversation(160, { tool: 3000, answer: 400, user: 100 });
    session = createSimSession(sim, { model: SIM_MODELS.big.slug, history });
    const first = session.agent.switchModel(SIM_MODELS.mid.slug);
    const second = session.agent.switchModel(SIM_MODELS.small.slug);
    await Promise.all([first, second]);

    expect(session.agent.model.id).toBe(SIM_MODELS.small.slug);
    const done = session.feed.filter((event) => event.type === "compaction.done");
    expect(done).toHaveLength(1);
    expect(done[0]!.data).toMatchObject({ compactions: 1 });
    expect(compactionRecords(session)).toHaveLength(1);
    const usage = session.feed.filter((event) => event.type === "context.usage");
    // The second switch started once the first one had compacted: its usage update follows it.
    expect(usage.map((event) => event.data?.cause)).toEqual(["model-switch", "model-switch"]);
    expect(session.feed.indexOf(done[0]!)).toBeLessThan(session.feed.indexOf(usage[1]!));
    expect(usage[1]!.data).toMatchObject({ contextWindow: SIM_MODELS.small.contextWindow });
    expect(nextRequestTokens(session.agent)).toBeLessThan(0.9 * SIM_MODELS.small.contextWindow);

    // A later compaction continues the count from one.
    sim.requests.clear();
    const result = await session.agent.runTurn("continue", turnRun());
    expect(result.reason).toBe("stop");
    expect(completions().at(-1)).toMatchObject({ model: SIM_MODELS.small.slug, outcome: "reply" });
  });

  it("a prompt sent while a switch is still compacting: its request is built after the compaction, fits the new window, and the prompt is kept", async () => {
    const history = syntheticConversation(160, { tool: 3000, answer: 400, user: 100 });
    session = createSimSession(sim, { model: SIM_MODELS.big.slug, history });
    // The summary takes a while, so the prompt arrives in the middle of it.
    sim.setScenario({ steps: [{ ...briefs, stream: { chunkDelayMs: 40, chunkChars: 4 } }, mainAnswers] });
    const switching = session.agent.switchModel(SIM_MODELS.mid.slug);
    // Sent once the summary is being written, as a user types while the screen says "compacting".
    while (!completions().some(isSummaryRequest)) await new Promise((resolve) => setTimeout(resolve, 5));
    const turn = session.agent.runTurn("PROMPT-DURING-SWITCH: now fix the parser", turnRun());
    const [, result] = await Promise.all([switching, turn]);
    expect(result.reason).toBe("stop");

    const main = completions().filter((request) => !isSummaryRequest(request));
    // One turn request, no overflow and no retry: it went to the new model, after the summary, and fit.
    expect(main).toHaveLength(1);
    expect(main[0]).toMatchObject({ model: SIM_MODELS.mid.slug, outcome: "reply" });
    expect(main[0]!.promptTokens! + (main[0]!.maxTokens ?? 0)).toBeLessThanOrEqual(SIM_MODELS.mid.contextWindow);
    const sentLast = (main[0]!.body as { messages: Array<{ role: string; content: string }> }).messages.at(-1);
    expect(sentLast).toEqual({ role: "user", content: "PROMPT-DURING-SWITCH: now fix the parser" });

    // The compaction kept the prompt typed while it worked: in the conversation and in its record.
    const prompt = (message: { role: string; content?: unknown }) => message.role === "user" && message.content === "PROMPT-DURING-SWITCH: now fix the parser";
    expect(session.agent.messages.filter(prompt)).toHaveLength(1);
    const records = compactionRecords(session) as Array<{ messages: Array<{ role: string; content?: unknown }> }>;
    expect(records).toHaveLength(1);
    expect(records[0]!.messages.filter(prompt)).toHaveLength(1);
  });

  it("the summary request never overflows the summarizer's window, even when the history is three times its size", async () => {
    // Assistant-heavy turns: tool outputs are clipped for the summarizer, answers are not.
    const history = syntheticConversation(168, { tool: 1000, answer: 2500, user: 100 });
    session = createSimSession(sim, { model: SIM_MODELS.big.slug, history });
    expect(nextRequestTokens(session.agent)).toBeGreaterThan(590_000);

    // After a fallback the outgoing model just failed, so the incoming 200k model summarizes.
    await session.agent.switchModel(SIM_MODELS.mid.slug, undefined, "fallback");

    const summaries = completions().filter(isSummaryRequest);
    expect(summaries.length).toBeGreaterThanOrEqual(3);
    for (const request of summaries) {
      expect(request.model).toBe(SIM_MODELS.mid.slug);
      expect(request.outcome).toBe("reply");
      expect(request.promptTokens! + (request.maxTokens ?? 0)).toBeLessThanOrEqual(SIM_MODELS.mid.contextWindow);
    }
    const done = session.feed.find((event) => event.type === "compaction.done");
    expect(done?.message).toMatch(new RegExp(`in ${summaries.length} passes`));
    expect(nextRequestTokens(session.agent)).toBeLessThan(0.9 * SIM_MODELS.mid.contextWindow);
  });
});

describe("overflow recovery", () => {
  it("a gateway overflow error: one compaction and one retry", async () => {
    sim.setScenario({ steps: [{ when: { hasTools: true }, error: { kind: "overflow" } }, briefs, mainAnswers] });
    session = createSimSession(sim, { model: SIM_MODELS.tiny.slug, history: syntheticConversation(12, { tool: 600, answer: 200 }) });
    const result = await session.agent.runTurn("next step", turnRun());
    expect(result.reason).toBe("stop");
    const main = completions().filter((request) => !isSummaryRequest(request));
    expect(main.map((request) => request.status)).toEqual([400, 200]);
    expect(compactionRecords(session)).toEqual([expect.objectContaining({ reason: "overflow" })]);
    expect(session.feed.filter((event) => event.type === "compaction.done")).toHaveLength(1);
  });

  it("a second overflow in the same turn stops with a message that says what to do", async () => {
    sim.setScenario({ steps: [{ when: { hasTools: true }, repeat: 2, error: { kind: "overflow" } }, briefs, mainAnswers] });
    session = createSimSession(sim, { model: SIM_MODELS.tiny.slug, history: syntheticConversation(12, { tool: 600, answer: 200 }) });
    const result = await session.agent.runTurn("next step", turnRun());
    expect(result.reason).toBe("error");
    expect(result.message).toMatch(/after compacting once/);
    expect(result.message).toMatch(/\/compact/);
    expect(result.message).toMatch(/\/model/);
    expect(completions().filter((request) => !isSummaryRequest(request))).toHaveLength(2);
    expect(compactionRecords(session)).toHaveLength(1);
  });
});

describe("token accounting", () => {
  it("calibrates from reported usage: an estimate that drifts from prompt_tokens is corrected", async () => {
    // The gateway reports twice the local count on the first answer.
    sim.setScenario({ steps: [{ when: { hasTools: true }, content: "ok", usage: { promptTokens: 52_000 } }, briefs, mainAnswers] });
    session = createSimSession(sim, { model: SIM_MODELS.tiny.slug, history: syntheticConversation(30, { tool: 700, answer: 40, user: 20 }) });
    const local = nextRequestTokens(session.agent);
    expect(local).toBeGreaterThan(24_000);
    expect(local).toBeLessThan(0.5 * SIM_MODELS.tiny.contextWindow);

    await session.agent.runTurn("first", turnRun());
    expect(compactionRecords(session)).toHaveLength(0);
    const calibrated = session.feed.find((event) => event.type === "context.usage" && event.data?.cause === "calibrated");
    expect(calibrated?.data?.ratio).toBeGreaterThan(1.9);

    // Locally still under tier 1, but calibrated it is past tier 2: the next request prunes.
    await session.agent.runTurn("second", turnRun());
    expect(compactionRecords(session)).toEqual([expect.objectContaining({ reason: "tier2" })]);
  });
});
