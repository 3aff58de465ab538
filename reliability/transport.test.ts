import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { replaySession, type SessionRecord } from "@bridle/core";
import { type GatewaySim, type RecordedRequest, type ScenarioStepInput, startGatewaySim } from "@bridle/gateway-sim";
import type { Runtime } from "bridle";
import { afterEach, describe, expect, it } from "vitest";
import { runBridle, startBridle } from "./support/bridle-process.js";
import { assistantContents, feedEvents, recordsOf, userContents } from "./support/session-records.js";
import { keyVariable, type SimWorkspace, type SimWorkspaceOptions, startSimWorkspace } from "./support/sim-workspace.js";

/**
 * Retries, streaming and fallback (requirements 1–11 and 36 of the reliability specification).
 *
 * Every test runs the real runtime the CLI builds (config files, the default preset with the
 * fallback plugin, kernel, transport, tools, session log) against the loopback simulator, or the
 * built `bridle` binary as a process where the behaviour is the CLI's. Each asserts what the
 * simulator received (how many requests, with which key) and what the session file holds.
 */

/** Kimi K2 0905: OpenRouter and Together serve it, each under its own slug. */
const KIMI = "moonshotai/kimi-k2-0905";
const A = "openrouter";
const B = "together";
/** Backoff steps of a millisecond, for tests about what is sent rather than how long it waits. */
const FAST = { baseDelayMs: 1, maxBackoffMs: 2 };

let workspace: SimWorkspace | undefined;
let other: GatewaySim | undefined;
afterEach(async () => {
  await workspace?.close();
  workspace = undefined;
  await other?.close();
  other = undefined;
});

interface Setup {
  steps?: ScenarioStepInput[];
  /** Gateways in fallback order; A alone by default. */
  gateways?: string[];
  fallback?: Record<string, unknown>;
  config?: Record<string, unknown>;
  profiles?: SimWorkspaceOptions["profiles"];
  environment?: SimWorkspaceOptions["environment"];
}

/** A workspace on the simulator whose project config picks Kimi on `gateways`. */
async function setUp(setup: Setup = {}): Promise<SimWorkspace> {
  const gateways = setup.gateways ?? [A];
  workspace = await startSimWorkspace({
    profiles: setup.profiles ?? [A, B],
    scenario: { steps: setup.steps ?? [] },
    config: { model: KIMI, gateway: gateways.length === 1 ? gateways[0] : gateways, plugins: { fallback: setup.fallback ?? FAST }, ...setup.config },
    ...(setup.environment ? { environment: setup.environment } : {}),
  });
  return workspace;
}

/** One user turn through the runtime's agent, to its end. */
function turn(runtime: Runtime, input = "Fix the bug in src/app.ts", signal = new AbortController().signal) {
  return runtime.agent.runTurn(input, { signal });
}

/** The chat requests a profile received (all profiles when none is named). */
function received(sim: GatewaySim, profile?: string): RecordedRequest[] {
  return sim.requests.completions(profile);
}

/** The text of every message a recorded request carried. */
function sentTexts(request: RecordedRequest): string[] {
  const messages = (request.body as { messages?: Array<{ content?: unknown }> }).messages ?? [];
  return messages.map((message) => (typeof message.content === "string" ? message.content : JSON.stringify(message.content ?? "")));
}

function types(records: readonly SessionRecord[]): string[] {
  return records.map((record) => record.type);
}

describe("1. 429 with retry-after-ms: 1500, then 200: one retry after at least 1.5 s; 429 with retry-after: 600: no ten-minute sleep, and the user sees why", () => {
  it("waits out retry-after-ms: 1500 once, measured between the two requests the gateway received", async () => {
    const { sim, ...ws } = await setUp({ steps: [{ error: { kind: "rate_limit", retryAfterMs: 1500 } }, { content: "Fixed after the wait." }], fallback: {} });
    const result = await turn(await ws.runtime());
    expect(result.reason).toBe("stop");
    const requests = received(sim);
    expect(requests.map((request) => request.status)).toEqual([429, 200]);
    expect(requests[1]!.receivedAt - requests[0]!.receivedAt).toBeGreaterThanOrEqual(1500);
    const records = ws.records();
    expect(feedEvents(records).filter((event) => event.type === "request.retry")).toEqual([
      expect.objectContaining({ message: expect.stringContaining("retrying in 1500 ms") }),
    ]);
    expect(assistantContents(records)).toEqual(["Fixed after the wait."]);
  });

  it("answers from the next gateway at once when the first asks for 600 s, saying how long it asked to wait", async () => {
    const { sim, ...ws } = await setUp({
      gateways: [A, B],
      steps: [{ when: { profile: A }, error: { kind: "rate_limit", retryAfterSeconds: 600 } }, { when: { profile: B }, content: "Served by the second gateway." }],
      fallback: {},
    });
    const started = Date.now();
    const result = await turn(await ws.runtime());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.reason).toBe("stop");
    expect(received(sim, A).map((request) => request.status)).toEqual([429]);
    expect(received(sim, B).map((request) => request.status)).toEqual([200]);
    const records = ws.records();
    expect(feedEvents(records).find((event) => event.type === "request.fallback")?.message).toMatch(/asks to wait 10 min \(at .* UTC\), longer than 60 s/);
    expect(recordsOf(records, "model_switch")).toEqual([expect.objectContaining({ reason: "fallback", to: expect.objectContaining({ gateway: B }) })]);
    expect(assistantContents(records)).toEqual(["Served by the second gateway."]);
  });

  it("with no other gateway, stops at once and says when to try again", async () => {
    const { sim, ...ws } = await setUp({ steps: [{ error: { kind: "rate_limit", retryAfterSeconds: 600 } }, { content: "never sent" }], fallback: {} });
    const started = Date.now();
    const result = await turn(await ws.runtime());
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.reason).toBe("error");
    expect(result.message).toMatch(/openrouter answered 429.*asks to wait 10 min \(at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\), longer than the 60 s Bridle waits: try again then/);
    expect(received(sim)).toHaveLength(1);
    const records = ws.records();
    expect(userContents(records)).toEqual(["Fix the bug in src/app.ts"]);
    expect(assistantContents(records)).toEqual([]);
  });
});

describe("2. 400, 401, 403, 404, 422 and 402 (not an overflow): exactly one HTTP request at every layer; the error names status, request id and gateway; the session stays usable", () => {
  const cases: Array<[number, string]> = [
    [400, "messages.2: unsupported content part"],
    [401, "Invalid API key"],
    [403, "This model is not available in your region"],
    [404, "No endpoints found for this model"],
    [422, "temperature: must be at most 2"],
    [402, "Insufficient credits: add more at https://example.test/credits"],
  ];
  it.each(cases)("%i is sent once, never to the next gateway, and the next turn continues the same conversation", async (status, text) => {
    const { sim, ...ws } = await setUp({
      gateways: [A, B],
      steps: [{ error: { kind: "http", status, headers: { "x-request-id": `req-${status}-abc` }, body: { error: { message: text, code: status } } } }],
    });
    const runtime = await ws.runtime();
    const result = await turn(runtime);
    expect(result.reason).toBe("error");
    expect(result.message).toContain(`openrouter answered ${status} (request req-${status}-abc): ${text}`);
    expect(result.message).toMatch(/not retried$/);
    if (status === 401 || status === 403) expect(result.message).toContain("check OPENROUTER_API_KEY");
    // One request in all: the SDK sent it once (its retry counter says 0) and nothing else retried it.
    expect(received(sim, A)).toHaveLength(1);
    expect(received(sim, A)[0]!.headers["x-stainless-retry-count"]).toBe("0");
    expect(received(sim, B)).toHaveLength(0);

    sim.enqueue({ content: "Continuing." });
    expect((await turn(runtime, "Try again")).reason).toBe("stop");
    expect(received(sim)).toHaveLength(2);
    expect(sentTexts(received(sim).at(-1)!)).toEqual(expect.arrayContaining(["Fix the bug in src/app.ts", "Try again"]));
    const records = ws.records();
    expect(userContents(records)).toEqual(["Fix the bug in src/app.ts", "Try again"]);
    expect(assistantContents(records)).toEqual(["Continuing."]);
    expect(types(records)).not.toContain("interrupted_answer");
  });
});

describe("3. One retry owner: the SDK never retries; six 503s cost exactly the harness's budget, not SDK × harness", () => {
  const unavailable = Array.from({ length: 6 }, () => ({ error: { kind: "server_error" as const, status: 503 } }));

  it("with the default budget, one gateway gets exactly 3 requests, each the SDK's first try", async () => {
    const { sim, ...ws } = await setUp({ steps: unavailable, fallback: {} });
    const result = await turn(await ws.runtime());
    expect(result.reason).toBe("error");
    expect(result.message).toMatch(/^openrouter failed 3 times in a row; last error: openrouter answered 503/);
    expect(received(sim).map((request) => request.status)).toEqual([503, 503, 503]);
    expect(received(sim).map((request) => request.headers["x-stainless-retry-count"])).toEqual(["0", "0", "0"]);
    const records = ws.records();
    expect(feedEvents(records).filter((event) => event.type === "request.retry")).toHaveLength(2);
    expect(assistantContents(records)).toEqual([]);
  });

  it("a configured budget of 4 is the number sent to each gateway in turn", async () => {
    const { sim, ...ws } = await setUp({ gateways: [A, B], steps: [...unavailable, ...unavailable], fallback: { ...FAST, maxAttempts: 4, breakerFailures: 10 } });
    const result = await turn(await ws.runtime());
    expect(result.reason).toBe("error");
    expect(received(sim, A)).toHaveLength(4);
    expect(received(sim, B)).toHaveLength(4);
    expect(received(sim).every((request) => request.headers["x-stainless-retry-count"] === "0")).toBe(true);
    expect(recordsOf(ws.records(), "model_switch")).toHaveLength(1);
  });
});

describe("4. Fallback from A to B: B never sees A's key; B without a key is skipped or refused, never given another key; a base URL from the project never receives a built-in gateway's key", () => {
  it("each gateway receives only its own key when the answer falls back", async () => {
    const { sim, ...ws } = await setUp({
      gateways: [A, B],
      steps: [{ when: { profile: A }, repeat: true, error: { kind: "server_error", status: 503 } }, { when: { profile: B }, content: "From B." }],
    });
    expect((await turn(await ws.runtime())).reason).toBe("stop");
    expect(received(sim, A).length).toBe(3);
    expect(received(sim, A).map((request) => request.keyFingerprint)).toEqual(["[redacted:openrouter]", "[redacted:openrouter]", "[redacted:openrouter]"]);
    expect(received(sim, B).map((request) => request.keyFingerprint)).toEqual(["[redacted:together]"]);
    expect(recordsOf(ws.records(), "model_switch")).toEqual([expect.objectContaining({ reason: "fallback", to: expect.objectContaining({ gateway: B }) })]);
  });

  it("skips B when its key is not set, naming the variable, though other keys are in the environment", async () => {
    const { sim, ...ws } = await setUp({
      gateways: [A, B],
      steps: [{ when: { profile: A }, repeat: true, error: { kind: "server_error", status: 503 } }],
      environment: { [keyVariable(B)]: undefined, OPENAI_API_KEY: "sk-proj-OTHERother0123456789abcdefABCDEF", API_KEY: "generic-key-value" },
    });
    const result = await turn(await ws.runtime());
    expect(result.reason).toBe("error");
    expect(received(sim, A)).toHaveLength(3);
    expect(received(sim, B)).toHaveLength(0);
    expect(feedEvents(ws.records()).filter((event) => event.type === "fallback.skipped").map((event) => event.message)).toEqual([
      "skipped kimi-k2-instruct-0905 on together: TOGETHER_API_KEY is not set",
    ]);
  });

  it("refuses to start on a gateway without a key, before any request", async () => {
    const { sim, ...ws } = await setUp({ gateways: [B], environment: { [keyVariable(B)]: undefined, OPENAI_API_KEY: "sk-proj-OTHERother0123456789abcdefABCDEF" } });
    const run = await runBridle(["run", "say hi"], ws);
    expect(run.code).toBe(2);
    expect(run.output).toContain("TOGETHER_API_KEY");
    expect(received(sim)).toHaveLength(0);
    expect(ws.sessionFiles()).toEqual([]);
  });

  it.each([
    ["moves a built-in gateway to another host", (url: string) => ({ gateways: { openrouter: { baseURL: url } } })],
    ["defines a gateway there that reads the built-in gateway's key", (url: string) => ({ gateway: "mirror", gateways: { mirror: { baseURL: url, apiKeyEnv: "OPENROUTER_API_KEY" } } })],
  ])("sends nothing to another host when the project's config %s", async (_case, config) => {
    other = await startGatewaySim({ profiles: [A], scenario: { steps: [], fallback: { repeat: true, content: "answered by the other host" } } });
    const { sim, ...ws } = await setUp({ config: config(other.baseURL()) });
    const run = await runBridle(["run", "say hi"], ws);
    expect(run.code).not.toBe(0);
    expect(run.output).toMatch(/OPENROUTER_API_KEY belongs to openrouter .* so the key is not sent/);
    expect(received(other)).toHaveLength(0);
    expect(received(sim)).toHaveLength(0);
    expect(ws.sessionFiles()).toEqual([]);
  });
});
