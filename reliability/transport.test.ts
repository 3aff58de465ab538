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
function received(sim: GatewaySim, profile?: string): readonly RecordedRequest[] {
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

describe("5. A context overflow (each known wording, a bodiless 400/413, usage above the window) is never retried blindly: compact once, retry once; a second overflow stops with what to do", () => {
  const SUMMARY = "## Task\nFix the bug in src/app.ts.\n## Done\nRead the files.";
  /** A session of five short turns, so that compaction has older turns to summarize. */
  async function fiveTurns(ws: Pick<SimWorkspace, "runtime">): Promise<Runtime> {
    const runtime = await ws.runtime();
    for (let index = 1; index <= 5; index++) expect(await turn(runtime, `Step ${index}: look at module ${index} and report what it does.`)).toEqual({ reason: "stop" });
    return runtime;
  }
  function overflowThen(sim: GatewaySim, overflow: ScenarioStepInput, times: 1 | "always") {
    sim.setScenario({
      steps: [
        { ...overflow, when: { hasTools: true }, ...(times === "always" ? { repeat: true } : {}) },
        { when: { hasTools: false }, repeat: true, content: SUMMARY },
        { when: { hasTools: true }, content: "Done after compacting." },
      ],
    });
    sim.requests.clear();
  }
  const http400 = (message: string): ScenarioStepInput => ({ error: { kind: "http", status: 400, body: { error: { message, code: 400 } } } });
  // The wordings pi recognises, as they reach a client through a gateway that passes them on.
  const wordings: Array<[string, ScenarioStepInput]> = [
    ["Anthropic", http400("prompt is too long: 213462 tokens > 200000 maximum")],
    ["OpenAI", http400("Your input exceeds the context window of this model. Please adjust your input and try again.")],
    ["OpenRouter", { error: { kind: "overflow" } }],
    ["llama.cpp", http400("request (300000 tokens) exceeds the available context size (262144 tokens), try increasing it")],
    ["LM Studio", http400("The number of tokens to keep from the initial prompt is greater than the context length. Try to load the model with a larger context length, or provide a shorter input")],
    ["Mistral", http400("Prompt contains 300000 tokens and 0 draft tokens, too large for model with 262144 maximum context length")],
    ["Kimi", http400("Invalid request: Your request exceeded model token limit: 262144")],
    ["MiniMax", http400("invalid params, context window exceeds limit (2013)")],
    ["Groq", http400("Please reduce the length of the messages or completion.")],
    ["Amazon Bedrock", http400("Input is too long for requested model.")],
    ["xAI", http400("This model's maximum prompt length is 131072 but the request contains 300000 tokens.")],
    ["Google Gemini", http400("The input token count (300000) exceeds the maximum number of tokens allowed (262144).")],
    ["GitHub Copilot", http400("prompt token count of 300000 exceeds the limit of 262144")],
    ["generic", http400("context_length_exceeded")],
    ["413 without a body", { error: { kind: "http", status: 413, body: "" } }],
  ];

  it.each(wordings)("%s: one overflow, one summary request, one retry that is smaller, then the answer", async (_source, overflow) => {
    const { sim, ...ws } = await setUp();
    const runtime = await fiveTurns(ws);
    overflowThen(sim, overflow, 1);
    const result = await turn(runtime, "Now fix it.");
    expect(result.reason).toBe("stop");
    const [overflowed, summary, retried, ...rest] = received(sim);
    expect(rest).toEqual([]);
    expect(overflowed!.status).toBe(overflow.error!.kind === "http" && overflow.error!.status === 413 ? 413 : 400);
    expect(summary!.body).not.toHaveProperty("tools");
    expect(retried!.status).toBe(200);
    // Not the same request again: older turns are replaced by the summary.
    expect(sentTexts(retried!).some((text) => text.includes(SUMMARY))).toBe(true);
    expect(sentTexts(retried!)).not.toContain("Step 1: look at module 1 and report what it does.");
    expect(sentTexts(retried!).length).toBeLessThan(sentTexts(overflowed!).length);
    const records = ws.records();
    expect(recordsOf(records, "compaction")).toHaveLength(1);
    expect(userContents(records)).toHaveLength(6);
    expect(assistantContents(records).at(-1)).toBe("Done after compacting.");
  });

  it("Cerebras' bodiless 400 is an overflow on the gateway that documents it", async () => {
    const { sim, ...ws } = await setUp({ profiles: ["cerebras"], config: { model: "gpt-oss-120b", gateway: "cerebras" } });
    const runtime = await fiveTurns(ws);
    overflowThen(sim, { error: { kind: "overflow" } }, 1);
    expect((await turn(runtime, "Now fix it.")).reason).toBe("stop");
    expect(received(sim).map((request) => request.status)).toEqual([400, 200, 200]);
    expect(recordsOf(ws.records(), "compaction")).toHaveLength(1);
  });

  it("a 200 whose usage is above the window (Z.ai's silent overflow) is an overflow, not an answer", async () => {
    const { sim, ...ws } = await setUp({ profiles: ["zai"], config: { model: "glm-4.6", gateway: "zai" } });
    const runtime = await fiveTurns(ws);
    overflowThen(sim, { content: "An answer to a prompt the gateway cut.", usage: { promptTokens: 400_000 } }, 1);
    expect((await turn(runtime, "Now fix it.")).reason).toBe("stop");
    expect(received(sim)).toHaveLength(3);
    const records = ws.records();
    expect(recordsOf(records, "compaction")).toHaveLength(1);
    expect(assistantContents(records)).not.toContain("An answer to a prompt the gateway cut.");
    expect(assistantContents(records).at(-1)).toBe("Done after compacting.");
  });

  it("a second overflow after compacting stops the turn with what to do; nothing more is sent", async () => {
    const { sim, ...ws } = await setUp();
    const runtime = await fiveTurns(ws);
    overflowThen(sim, { error: { kind: "overflow" } }, "always");
    const result = await turn(runtime, "Now fix it.");
    expect(result.reason).toBe("error");
    expect(result.message).toMatch(/still says the conversation does not fit .* after compacting once.*Run \/compact .*\/model.*new session/);
    expect(received(sim).map((request) => request.status)).toEqual([400, 200, 400]);
    const records = ws.records();
    expect(recordsOf(records, "compaction")).toHaveLength(1);
    expect(userContents(records).at(-1)).toBe("Now fix it.");
    expect(assistantContents(records)).toHaveLength(5);
  });
});

describe("6. A connection reset after some deltas, before finish_reason: the partial text is kept, marked incomplete and never replayed; the request is redone; exactly one completed assistant message", () => {
  it("keeps the cut text as an interrupted answer that neither the retry nor a resume sends back", async () => {
    const cut = "The first half of an answer that the connection cuts off";
    const { sim, ...ws } = await setUp({ steps: [{ content: cut, stream: { chunkChars: 8, disconnectAfterChunks: 3 } }, { content: "The whole answer." }] });
    const runtime = await ws.runtime();
    expect((await turn(runtime)).reason).toBe("stop");
    const requests = received(sim);
    expect(requests).toHaveLength(2);
    expect(sentTexts(requests[1]!).some((text) => text.includes("The first half"))).toBe(false);
    const records = ws.records();
    expect(recordsOf(records, "interrupted_answer")).toEqual([expect.objectContaining({ content: "The first half o", reason: expect.stringContaining("broke off before its finish reason") })]);
    expect(assistantContents(records)).toEqual(["The whole answer."]);
    // On resume the cut text is history on disk, not conversation.
    const replayed = replaySession(records);
    expect(replayed.messages.filter((message) => message.role === "assistant").map((message) => message.content)).toEqual(["The whole answer."]);
    sim.enqueue({ content: "Next." });
    await turn(runtime, "And now?");
    expect(sentTexts(received(sim).at(-1)!).some((text) => text.includes("The first half"))).toBe(false);
  });
});

describe("7. A clean end of the stream without [DONE] or a finish reason is a retryable error, never a successful stop", () => {
  it("asks again and keeps only the complete answer", async () => {
    const { sim, ...ws } = await setUp({ steps: [{ content: "Half an answer that simply ends", stream: { chunkChars: 8, endAfterChunks: 3 } }, { content: "The complete answer." }] });
    expect((await turn(await ws.runtime())).reason).toBe("stop");
    expect(received(sim)).toHaveLength(2);
    const records = ws.records();
    expect(recordsOf(records, "interrupted_answer")).toEqual([expect.objectContaining({ reason: expect.stringContaining("ended the stream without a finish reason") })]);
    expect(assistantContents(records)).toEqual(["The complete answer."]);
  });

  it("`bridle run` exits 1, not 0, when every try ends early, and saves no answer", async () => {
    const { sim, ...ws } = await setUp({ steps: [{ repeat: true, content: "Half an answer that simply ends", stream: { chunkChars: 8, endAfterChunks: 3 } }] });
    const run = await runBridle(["run", "say hi"], ws);
    expect(run.code).toBe(1);
    expect(run.output).toContain("ended the stream without a finish reason");
    expect(received(sim)).toHaveLength(3);
    const records = ws.records();
    expect(recordsOf(records, "interrupted_answer")).toHaveLength(3);
    expect(assistantContents(records)).toEqual([]);
  });
});

describe("8. HTTP 200, then an SSE error event: a typed error from its code; 429 and 5xx retried, 402 and 400 not; the turn never stays running", () => {
  it.each([429, 503])("an in-stream %i is retried and the next answer is kept", async (status) => {
    const { sim, ...ws } = await setUp({ steps: [{ content: "Partial answer before the upstream fails", stream: { chunkChars: 8, errorAfterChunks: { after: 2, status, message: "Upstream trouble" } } }, { content: "Finished." }] });
    expect((await turn(await ws.runtime())).reason).toBe("stop");
    expect(received(sim)).toHaveLength(2);
    const records = ws.records();
    expect(feedEvents(records).find((event) => event.type === "request.retry")?.message).toContain(`openrouter sent an error (${status}) in the stream`);
    expect(assistantContents(records)).toEqual(["Finished."]);
  });

  it.each([
    [402, "Insufficient credits"],
    [400, "Invalid tool schema"],
  ])("an in-stream %i ends the turn at once with its message; the next turn runs", async (status, text) => {
    const { sim, ...ws } = await setUp({ steps: [{ content: "Partial answer before the upstream fails", stream: { chunkChars: 8, errorAfterChunks: { after: 2, status, message: text } } }] });
    const runtime = await ws.runtime();
    const result = await turn(runtime);
    expect(result.reason).toBe("error");
    expect(result.message).toMatch(new RegExp(`^openrouter sent an error \\(${status}\\) in the stream.*${text}.*not retried$`));
    expect(received(sim)).toHaveLength(1);
    sim.enqueue({ content: "Next turn answered." });
    expect((await turn(runtime, "Go on")).reason).toBe("stop");
    expect(received(sim)).toHaveLength(2);
    const records = ws.records();
    expect(recordsOf(records, "interrupted_answer")).toHaveLength(1);
    expect(assistantContents(records)).toEqual(["Next turn answered."]);
  });

  it("`bridle run --output stream-json` ends with a done event after an in-stream 402, and exits 1", async () => {
    const { sim, ...ws } = await setUp({ steps: [{ content: "Partial answer", stream: { chunkChars: 4, errorAfterChunks: { after: 2, status: 402, message: "Insufficient credits" } } }] });
    const run = await runBridle(["run", "--output", "stream-json", "say hi"], ws);
    expect(run.code).toBe(1);
    const events = run.stdout.split("\n").filter((line) => line.startsWith("{")).map((line) => JSON.parse(line) as { type: string; reason?: string });
    expect(events.at(-1)).toEqual(expect.objectContaining({ type: "done", reason: "error" }));
    expect(received(sim)).toHaveLength(1);
    expect(assistantContents(ws.records())).toEqual([]);
  });
});

describe("9. No bytes for the idle timeout (200 ms here): abort and retry; keep-alive comments reset the timer and are never parsed as JSON", () => {
  it("gives up on a silent stream after 200 ms and asks again", async () => {
    const { sim, ...ws } = await setUp({ steps: [{ content: "stalls silently after this text", stream: { chunkChars: 8, stallAfterChunks: { after: 2, ms: 3_000 } } }, { content: "Quick answer." }], fallback: { ...FAST, idleTimeoutMs: 200 } });
    const started = Date.now();
    expect((await turn(await ws.runtime())).reason).toBe("stop");
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(received(sim)).toHaveLength(2);
    const records = ws.records();
    expect(recordsOf(records, "interrupted_answer")).toEqual([expect.objectContaining({ reason: expect.stringContaining("sent nothing for 200 ms") })]);
    expect(assistantContents(records)).toEqual(["Quick answer."]);
  });

  it("stays on a stream that is quiet for 1 s but sends `: OPENROUTER PROCESSING` every 50 ms", async () => {
    const { sim, ...ws } = await setUp({
      steps: [{ content: "Slow but alive.", stream: { chunkChars: 4, stallAfterChunks: { after: 2, ms: 1_000, keepAliveEveryMs: 50, comment: "OPENROUTER PROCESSING" } } }],
      fallback: { ...FAST, idleTimeoutMs: 200 },
    });
    expect((await turn(await ws.runtime())).reason).toBe("stop");
    expect(received(sim)).toHaveLength(1);
    const records = ws.records();
    expect(assistantContents(records)).toEqual(["Slow but alive."]);
    expect(types(records)).not.toContain("interrupted_answer");
    expect(feedEvents(records).map((event) => event.type)).not.toContain("request.retry");
  });
});

describe("10. Ctrl-C during a backoff sleep: no further request; the session is saved", () => {
  it("`bridle run` sends nothing more after SIGINT in a 20 s wait, exits 130 at once, and the session says it was interrupted", async () => {
    const { sim, ...ws } = await setUp({ steps: [{ error: { kind: "rate_limit", retryAfterMs: 20_000 } }, { content: "never sent" }], fallback: {} });
    const bridle = startBridle(["run", "say hi"], ws);
    await bridle.waitFor("retrying in 20000 ms");
    const interruptedAt = Date.now();
    bridle.child.kill("SIGINT");
    expect(await bridle.exited).toBe(130);
    expect(Date.now() - interruptedAt).toBeLessThan(2_000);
    // Longer than the 100 ms the requirement allows, and no request came.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(received(sim)).toHaveLength(1);
    const records = ws.records();
    expect(userContents(records)).toEqual(["say hi"]);
    expect(feedEvents(records).map((event) => event.type)).toContain("request.retry");
    expect(types(records).at(-1)).toBe("interrupted");
    expect(assistantContents(records)).toEqual([]);
  });
});

describe("11. A stream that dies inside a tool call's arguments runs no tool; tools run only after a complete assistant message without error", () => {
  const write = (content: string) => ({ name: "write", arguments: JSON.stringify({ path: "notes.txt", content }) });
  const chunked = (content: string) => {
    const call = write(content);
    const third = Math.ceil(call.arguments.length / 3);
    return { ...call, argumentsChunks: [call.arguments.slice(0, third), call.arguments.slice(third, 2 * third), call.arguments.slice(2 * third)] };
  };

  it("a connection cut mid-arguments runs nothing; the complete call of the retry runs exactly once", async () => {
    const { sim, ...ws } = await setUp({
      steps: [
        { toolCalls: [chunked("the complete notes")], stream: { toolArguments: "deltas", disconnectAfterChunks: 3 } },
        { toolCalls: [write("the complete notes")] },
        { when: { lastRole: "tool" }, content: "Wrote the notes." },
      ],
    });
    expect((await turn(await ws.runtime())).reason).toBe("stop");
    expect(received(sim)).toHaveLength(3);
    expect(readFileSync(path.join(ws.project, "notes.txt"), "utf8")).toBe("the complete notes");
    const records = ws.records();
    expect(recordsOf(records, "tool_start")).toEqual([expect.objectContaining({ name: "write", arguments: { path: "notes.txt", content: "the complete notes" } })]);
    expect(assistantContents(records)).toEqual([null, "Wrote the notes."]);
  });

  it("an error event mid-arguments runs nothing, and neither does the turn that then ends", async () => {
    const { sim, ...ws } = await setUp({
      steps: [
        { toolCalls: [chunked("notes that never finish")], stream: { toolArguments: "deltas", errorAfterChunks: { after: 3, status: 400, message: "Upstream rejected the request" } } },
      ],
    });
    const result = await turn(await ws.runtime());
    expect(result.reason).toBe("error");
    expect(received(sim)).toHaveLength(1);
    expect(existsSync(path.join(ws.project, "notes.txt"))).toBe(false);
    const records = ws.records();
    expect(types(records)).not.toContain("tool_start");
    expect(assistantContents(records)).toEqual([]);
  });
});

describe("36. A text/html answer (200 or 5xx): a typed \"non-JSON response from <host>\" error with the status and a redacted piece of the page; retried only for a retryable status; never an empty reply", () => {
  const page = (key: string) => `<html><head><title>Sign in</title></head><body><h1>Wi-Fi login</h1><p>token ${key}</p></body></html>`;

  it("a 200 HTML page is sent once and ends the turn with the host, the status and no key", async () => {
    const { sim, ...ws } = await setUp();
    const key = ws.environment[keyVariable(A)]!;
    sim.enqueue({ error: { kind: "http", status: 200, headers: { "content-type": "text/html; charset=utf-8" }, body: page(key) } });
    const result = await turn(await ws.runtime());
    expect(result.reason).toBe("error");
    expect(result.message).toContain(`openrouter: non-JSON response from ${new URL(sim.baseURL(A)).host} (status 200, text/html): Sign in Wi-Fi login token`);
    expect(result.message).not.toContain(key);
    expect(received(sim)).toHaveLength(1);
    expect(assistantContents(ws.records())).toEqual([]);
    expect(readFileSync(ws.sessionFiles()[0]!, "utf8")).not.toContain(key);
  });

  it("a 502 page from the CDN is retried, and the answer that follows is kept", async () => {
    const { sim, ...ws } = await setUp({ steps: [{ error: { kind: "html", status: 502, server: "cloudflare" } }, { content: "Answered after the bad gateway." }] });
    expect((await turn(await ws.runtime())).reason).toBe("stop");
    expect(received(sim).map((request) => request.status)).toEqual([502, 200]);
    const records = ws.records();
    expect(feedEvents(records).find((event) => event.type === "request.retry")?.message).toMatch(/non-JSON response from 127\.0\.0\.1:\d+ \(status 502, text\/html\): 502 Bad Gateway/);
    expect(assistantContents(records)).toEqual(["Answered after the bad gateway."]);
  });

  it("a 403 page is sent once", async () => {
    const { sim, ...ws } = await setUp({ gateways: [A, B], steps: [{ error: { kind: "html", status: 403, server: "cloudflare" } }] });
    const result = await turn(await ws.runtime());
    expect(result.reason).toBe("error");
    expect(result.message).toMatch(/non-JSON response from 127\.0\.0\.1:\d+ \(status 403, text\/html\): 403 Forbidden/);
    expect(received(sim)).toHaveLength(1);
    expect(assistantContents(ws.records())).toEqual([]);
  });
});
