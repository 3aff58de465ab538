import { type AgentEvent, TokenCounter } from "@bridle/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OTHER_MODEL, type SimRuntime, START_MODEL, startSimRuntime } from "../../test/interactive-runtime.js";
import { listSessions } from "@bridle/core";
import path from "node:path";
import { COMPACTION_UNAVAILABLE, type CompactRequest } from "./compact-handler.js";
import { parseSlashCommand } from "./parse-slash-command.js";
import type { Report } from "./report.js";
import { runSlashCommand, type SlashContext, type SlashOutcome } from "./run-slash-command.js";
import { screenReducer } from "./screen-reducer.js";
import { createScreenState, type NewTranscriptEntry } from "./screen-state.js";

let sim: SimRuntime;
beforeEach(async () => {
  sim = await startSimRuntime({ steps: [{ when: { lastRole: "user" }, repeat: true, content: "Hello from the simulated model." }] });
});
afterEach(async () => {
  await sim.close();
});

function context(overrides: Partial<SlashContext> = {}): SlashContext {
  const { runtime } = sim;
  return {
    agent: runtime.agent,
    kernel: runtime.kernel,
    gateways: runtime.gateways,
    environment: sim.environment,
    counter: new TokenCounter(),
    sessionId: runtime.session.id,
    listSessions: () => listSessions(path.dirname(runtime.session.file)),
    compact: undefined,
    busy: false,
    reportedTokens: undefined,
    totals: {},
    signal: new AbortController().signal,
    ...overrides,
  };
}

const slash = (line: string, overrides: Partial<SlashContext> = {}) => runSlashCommand(parseSlashCommand(line)!, context(overrides));

function printed(outcome: SlashOutcome): NewTranscriptEntry[] {
  if (outcome.type !== "print") throw new Error(`expected printed lines, got ${outcome.type}`);
  return outcome.entries;
}

function reportOf(outcome: SlashOutcome): Report {
  const [entry] = printed(outcome);
  if (entry?.kind !== "report") throw new Error(`expected a report, got ${entry?.kind}`);
  return entry.report;
}

/** The id the kernel knows a Fireworks slug by (canonical once the model-id plugin is loaded). */
const canonical = (model: string) => sim.runtime.kernel.resolveModel(model, "fireworks").id;
const cell = (report: Report, label: string, column = 1) => report.rows.find((row) => row.cells[0] === label)?.cells[column];
const number = (text: string | undefined) => Number((text ?? "").replaceAll(",", ""));

async function turn(text: string) {
  const events: AgentEvent[] = [];
  await sim.runtime.agent.runTurn(text, { signal: new AbortController().signal, onEvent: (event) => events.push(event) });
  return events;
}

describe("/context", () => {
  it("splits the next request into system, tools, messages, tool results, reserved output and free", async () => {
    await turn("hello there");
    const request = sim.runtime.agent.baseRequest();
    const breakdown = new TokenCounter().breakdown(request);
    const report = reportOf(await slash("/context"));
    expect(report.rows.map((row) => row.cells[0])).toEqual(["system", "tools", "messages", "tool results", "reserved output", "free"]);
    expect(number(cell(report, "system"))).toBe(breakdown.system);
    expect(number(cell(report, "tools"))).toBe(breakdown.tools);
    expect(number(cell(report, "messages"))).toBe(breakdown.messages);
    expect(breakdown.messages).toBeGreaterThan(0);
    expect(number(cell(report, "reserved output"))).toBe(request.maxOutputTokens);
    const window = sim.runtime.kernel.models.limits(sim.runtime.agent.model.id, "fireworks").contextWindow;
    expect(number(cell(report, "free"))).toBe(window - breakdown.total - request.maxOutputTokens);
    expect(report.title).toContain(`${canonical(START_MODEL)} @ fireworks`);
    expect(report.notes?.[0]).toMatch(/^window [\d,]+ tokens: /);
  });

  it("says what the gateway last reported", async () => {
    const report = reportOf(await slash("/context", { reportedTokens: 4_321 }));
    expect(report.notes).toContain("the gateway last reported 4,321 tokens of prompt and answer");
  });
});

describe("/model", () => {
  it("switches directly, and the next turn goes to the new model", async () => {
    const lines = printed(await slash(`/model ${OTHER_MODEL} fireworks`));
    expect(lines[0]).toMatchObject({ kind: "note", tone: "info" });
    expect(sim.runtime.agent.model.id).toBe(canonical(OTHER_MODEL));
    await turn("still there?");
    expect(sim.sim.requests.all().at(-1)?.model).toBe(OTHER_MODEL);
  });

  it("keeps the gateway when none is given", async () => {
    await slash(`/model ${OTHER_MODEL}`);
    expect(sim.runtime.agent.gateway).toBe("fireworks");
  });

  it("refuses an unknown gateway or one without its key, and stays put", async () => {
    expect(printed(await slash(`/model ${OTHER_MODEL} nowhere`))[0]).toMatchObject({ tone: "error", text: expect.stringContaining('unknown gateway "nowhere"') });
    expect(printed(await slash(`/model ${OTHER_MODEL} groq`))[0]).toMatchObject({ tone: "error", text: expect.stringContaining("GROQ_API_KEY") });
    expect(sim.runtime.agent.model.id).toBe(canonical(START_MODEL));
  });

  it("opens the picker without arguments, on the current model", async () => {
    const outcome = await slash("/model");
    expect(outcome.type).toBe("pick-model");
    if (outcome.type === "pick-model") expect(outcome.picker.choices[outcome.picker.index]).toMatchObject({ model: canonical(START_MODEL), gateway: "fireworks", current: true });
  });

  it("waits for a running turn to end", async () => {
    expect(printed(await slash(`/model ${OTHER_MODEL}`, { busy: true }))[0]).toMatchObject({ tone: "warn", text: expect.stringContaining("waits for the turn") });
    expect(sim.runtime.agent.model.id).toBe(canonical(START_MODEL));
  });
});

describe("/gateways", () => {
  it("marks the gateway in use and whether keys are set, never showing a key", async () => {
    const report = reportOf(await slash("/gateways"));
    const fireworks = report.rows.find((row) => row.cells[1] === "fireworks")!;
    expect(fireworks).toMatchObject({ tone: "current" });
    expect(fireworks.cells.slice(0, 2)).toEqual(["●", "fireworks"]);
    expect(fireworks.cells.slice(3, 5)).toEqual(["FIREWORKS_API_KEY set", sim.sim.baseURL("fireworks")]);
    expect(report.rows.find((row) => row.cells[1] === "groq")?.cells[3]).toBe("GROQ_API_KEY missing");
    expect(JSON.stringify(report)).not.toContain(sim.environment.FIREWORKS_API_KEY!);
  });
});

describe("/cost", () => {
  it("sums the tokens the gateway reported during the session", async () => {
    let state = createScreenState();
    for (const event of [...(await turn("one")), ...(await turn("two"))]) state = screenReducer(state, { type: "agent-event", event });
    const report = reportOf(await slash("/cost", { totals: state.totals }));
    const requests = sim.sim.requests.all().filter((request) => request.outcome === "reply");
    const prompt = requests.reduce((sum, request) => sum + (request.promptTokens ?? 0), 0);
    const key = `${canonical(START_MODEL)} @ fireworks`;
    expect(report.rows[0]?.cells[0]).toBe(key);
    expect(report.rows[0]?.cells[1]).toBe(String(requests.length));
    expect(state.totals[key]?.inputTokens).toBe(prompt);
  });
});

describe("/sessions", () => {
  it("lists this workspace's sessions with the current one marked", async () => {
    await turn("remember this prompt");
    const report = reportOf(await slash("/sessions"));
    expect(report.rows[0]?.cells[1]).toBe(sim.runtime.session.id);
    expect(report.rows[0]?.tone).toBe("current");
    expect(report.rows[0]?.cells[5]).toBe("remember this prompt");
  });
});

describe("/compact", () => {
  it("says compaction is not available when nothing can compact", async () => {
    expect(printed(await slash("/compact"))[0]).toEqual({ kind: "note", tone: "error", text: COMPACTION_UNAVAILABLE });
  });

  it("passes the focus to the compactor and reports what it did", async () => {
    const calls: CompactRequest[] = [];
    const compact = async (request: CompactRequest) => {
      calls.push(request);
      return { tokensBefore: 120_000, tokensAfter: 30_000 };
    };
    const outcome = await slash("/compact keep the API notes", { compact });
    expect(calls.map((call) => call.focus)).toEqual(["keep the API notes"]);
    expect(outcome).toMatchObject({ type: "print", contextChanged: true, entries: [{ text: "compacted the context from 120k to 30k tokens" }] });
  });

  it("reports a compactor's failure as a line, not a crash", async () => {
    const outcome = await slash("/compact", { compact: async () => Promise.reject(new Error("summarizer overflowed")) });
    expect(printed(outcome)[0]).toMatchObject({ tone: "error", text: "/compact failed: summarizer overflowed" });
  });
});

describe("other commands", () => {
  it("/plugins lists what the kernel loaded", async () => {
    const report = reportOf(await slash("/plugins"));
    expect(report.rows.map((row) => row.cells[0])).toEqual(sim.runtime.kernel.plugins.map((plugin) => plugin.name));
  });

  it("/help lists every command", async () => {
    const report = reportOf(await slash("/help"));
    expect(report.rows.map((row) => row.cells[0]!.split(" ")[0])).toEqual(["/model", "/context", "/compact", "/gateways", "/cost", "/sessions", "/mcp", "/plugins", "/help", "/exit"]);
  });

  it("/mcp says how to add a server when none is configured", async () => {
    const report = reportOf(await slash("/mcp"));
    expect(report.title).toBe("mcp · no servers configured");
  });

  it("/exit asks the screen to leave", async () => {
    expect(await slash("/exit")).toEqual({ type: "exit" });
  });

  it("an unknown command gets a suggestion", async () => {
    expect(printed(await slash("/contxt"))[0]).toMatchObject({ tone: "error", text: "unknown command /contxt: did you mean /context?" });
  });
});
