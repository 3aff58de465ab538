import type { GatewaySim } from "@bridle/gateway-sim";
import { CUT_TOOL_CALL_RESULT } from "@bridle/core";
import { afterEach, describe, expect, it } from "vitest";
import { createFallbackSession, type FallbackSession, GATEWAYS, MODEL, recordingWriteTool, runTurn, startSim } from "../test/fallback-session.js";

let sim: GatewaySim | undefined;
let session: FallbackSession | undefined;
afterEach(async () => {
  session?.close();
  session = undefined;
  await sim?.close();
  sim = undefined;
});

const alpha = GATEWAYS.alpha.profile;
const beta = GATEWAYS.beta.profile;
/** Backoff steps of a millisecond: these tests are about what is sent, not how long it waits. */
const fast = { baseDelayMs: 1, maxBackoffMs: 2 };

function feedTypes(session: FallbackSession): string[] {
  return session.records().flatMap((record) => (record.type === "feed" ? [record.event.type] : []));
}

function assistantTexts(session: FallbackSession): string[] {
  return session.records().flatMap((record) => (record.type === "message" && record.message.role === "assistant" && typeof record.message.content === "string" ? [record.message.content] : []));
}

describe("fallback plugin over the simulator", () => {
  it("waits out retry-after-ms: 1500 once, measured between the requests the gateway received", async () => {
    sim = await startSim([{ error: { kind: "rate_limit", retryAfterMs: 1500 } }, { content: "Fixed after the wait." }]);
    session = createFallbackSession(sim, { gateways: ["alpha"] });
    const result = await runTurn(session);
    expect(result.reason).toBe("stop");
    const requests = sim.requests.completions(alpha);
    expect(requests.map((request) => request.status)).toEqual([429, 200]);
    expect(requests[1]!.receivedAt - requests[0]!.receivedAt).toBeGreaterThanOrEqual(1500);
    expect(feedTypes(session)).toContain("request.retry");
    expect(assistantTexts(session)).toEqual(["Fixed after the wait."]);
  });

  it("does not sleep through retry-after: 600: one request, and the answer says when to try again", async () => {
    sim = await startSim([{ error: { kind: "rate_limit", retryAfterSeconds: 600 } }, { content: "never reached" }]);
    session = createFallbackSession(sim, { gateways: ["alpha"] });
    const started = Date.now();
    const result = await runTurn(session);
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(result.reason).toBe("error");
    expect(result.message).toMatch(/asks to wait 10 min \(at \d{4}-\d\d-\d\d \d\d:\d\d:\d\d UTC\).*try again then/);
    expect(sim.requests.completions(alpha)).toHaveLength(1);
  });

  it("after six 503s makes exactly the configured attempts, then the next gateway serves the same model with its own slug and key", async () => {
    const failures = Array.from({ length: 6 }, () => ({ when: { profile: alpha }, error: { kind: "server_error" as const, status: 503 } }));
    sim = await startSim([...failures, { when: { profile: beta }, content: "Served by the second gateway." }]);
    session = createFallbackSession(sim, { pluginOptions: { ...fast, maxAttempts: 4, breakerFailures: 10 } });
    const result = await runTurn(session);
    expect(result.reason).toBe("stop");
    const first = sim.requests.completions(alpha);
    const second = sim.requests.completions(beta);
    expect(first.map((request) => request.status)).toEqual([503, 503, 503, 503]);
    expect(second).toHaveLength(1);
    expect(second[0]!.model).toBe(GATEWAYS.beta.slug);
    expect(first.every((request) => request.model === GATEWAYS.alpha.slug)).toBe(true);
    // The simulator's key fingerprints: each gateway only ever saw its own key.
    expect(first.every((request) => request.keyOwner === alpha)).toBe(true);
    expect(second.every((request) => request.keyOwner === beta)).toBe(true);
    const switches = session.records().filter((record) => record.type === "model_switch");
    expect(switches).toEqual([expect.objectContaining({ from: { model: MODEL, gateway: "alpha" }, to: { model: MODEL, gateway: "beta" }, reason: "fallback" })]);
    expect(feedTypes(session).filter((type) => type === "request.retry")).toHaveLength(3);
    expect(feedTypes(session)).toContain("request.fallback");
  });

  it("opens the breaker of a failing endpoint, says so, and shows it as endpoint health", async () => {
    const failures = Array.from({ length: 3 }, () => ({ when: { profile: alpha }, error: { kind: "server_error" as const, status: 502 } }));
    sim = await startSim([...failures, { when: { profile: beta }, repeat: true, content: "ok" }]);
    let now = 1_000_000;
    session = createFallbackSession(sim, { pluginOptions: { ...fast, maxAttempts: 5, breakerFailures: 3, breakerCooldownMs: 30_000 }, seams: { now: () => now } });
    await runTurn(session);
    expect(sim.requests.completions(alpha)).toHaveLength(3);
    expect(feedTypes(session)).toContain("breaker.open");
    expect(session.kernel.gateways.health("alpha")).toEqual([expect.objectContaining({ endpoint: "alpha", state: "open", failures: 3, retryAt: 1_030_000, source: "fallback" })]);
    // Back on alpha while its breaker is open: nothing is sent there, beta serves.
    await session.agent.switchModel(MODEL, "alpha", "user");
    await runTurn(session, "again");
    expect(sim.requests.completions(alpha)).toHaveLength(3);
    expect(session.agent.gateway).toBe("beta");
    // After the cooldown one probe goes to alpha; its success closes the breaker.
    now += 30_001;
    sim.enqueue({ when: { profile: alpha }, content: "alpha is back" });
    await session.agent.switchModel(MODEL, "alpha", "user");
    const probe = await runTurn(session, "and again");
    expect(probe.reason).toBe("stop");
    expect(sim.requests.completions(alpha)).toHaveLength(4);
    expect(feedTypes(session)).toEqual(expect.arrayContaining(["breaker.half-open", "breaker.closed"]));
    expect(session.kernel.gateways.health("alpha")).toEqual([]);
  });

  it("probes again after a probe that met an error saying nothing about the endpoint (a 401), instead of keeping it shut", async () => {
    const failures = Array.from({ length: 3 }, () => ({ error: { kind: "server_error" as const, status: 502 } }));
    sim = await startSim(failures);
    let now = 1_000_000;
    session = createFallbackSession(sim, { gateways: ["alpha"], pluginOptions: { ...fast, maxAttempts: 3, breakerFailures: 3, breakerCooldownMs: 30_000 }, seams: { now: () => now } });
    expect((await runTurn(session)).reason).toBe("error");
    expect(session.kernel.gateways.health("alpha")).toEqual([expect.objectContaining({ state: "open" })]);
    now += 30_001;
    sim.enqueue({ error: { kind: "unauthorized" } });
    const probe = await runTurn(session, "the probe");
    expect(probe.message).toMatch(/401/);
    sim.enqueue({ content: "alpha answers again" });
    const next = await runTurn(session, "after the probe");
    expect(next.reason).toBe("stop");
    expect(sim.requests.completions(alpha).map((request) => request.status)).toEqual([502, 502, 502, 401, 200]);
    expect(assistantTexts(session)).toEqual(["alpha answers again"]);
  });

  it("sends a 400 exactly once and names gateway, status and request id", async () => {
    sim = await startSim([{ error: { kind: "http", status: 400, headers: { "x-request-id": "req-400-abc" }, body: { error: { message: "messages.2: unsupported content part", type: "invalid_request_error" } } } }]);
    session = createFallbackSession(sim);
    const result = await runTurn(session);
    expect(result.reason).toBe("error");
    expect(sim.requests.completions(alpha)).toHaveLength(1);
    expect(sim.requests.completions(beta)).toHaveLength(0);
    expect(result.message).toContain("alpha answered 400");
    expect(result.message).toContain("req-400-abc");
    expect(result.message).toContain("not retried");
  });

  it("names the key variable for a 401 and sends it once", async () => {
    sim = await startSim([{ error: { kind: "unauthorized" } }]);
    session = createFallbackSession(sim, { gateways: ["alpha"] });
    const result = await runTurn(session);
    expect(sim.requests.completions(alpha)).toHaveLength(1);
    expect(result.message).toMatch(/alpha answered 401.*check ALPHA_TEST_KEY/);
  });

  it("skips a gateway whose key is not set, with the variable to set, and never sends it another key", async () => {
    sim = await startSim([{ repeat: true, when: { profile: alpha }, error: { kind: "server_error", status: 500 } }]);
    session = createFallbackSession(sim, { withoutKey: ["beta"], pluginOptions: { ...fast, maxAttempts: 2 } });
    const result = await runTurn(session);
    expect(result.reason).toBe("error");
    expect(sim.requests.completions(alpha)).toHaveLength(2);
    expect(sim.requests.completions(beta)).toHaveLength(0);
    const skipped = session.records().flatMap((record) => (record.type === "feed" && record.event.type === "fallback.skipped" ? [record.event.message] : []));
    expect(skipped).toEqual([`skipped ${MODEL} on beta: BETA_TEST_KEY is not set`]);
  });

  it("asks again after a stream cut before its finish reason, keeping the cut text as an interrupted answer", async () => {
    sim = await startSim([
      { content: "The first half of an answer that the connection cuts", stream: { disconnectAfterChunks: 2 } },
      { content: "The whole answer." },
    ]);
    session = createFallbackSession(sim, { gateways: ["alpha"], pluginOptions: fast });
    const result = await runTurn(session);
    expect(result.reason).toBe("stop");
    expect(sim.requests.completions(alpha)).toHaveLength(2);
    const interrupted = session.records().filter((record) => record.type === "interrupted_answer");
    expect(interrupted).toEqual([expect.objectContaining({ gateway: "alpha", content: expect.stringMatching(/^The first half/), reason: expect.stringContaining("broke off before its finish reason") })]);
    expect(assistantTexts(session)).toEqual(["The whole answer."]);
  });

  it("asks again after an in-stream 502 error event", async () => {
    sim = await startSim([{ content: "Partial answer before the upstream fails", stream: { errorAfterChunks: { after: 3, status: 502, message: "Upstream error" } } }, { content: "Finished." }]);
    session = createFallbackSession(sim, { gateways: ["alpha"], pluginOptions: fast });
    const result = await runTurn(session);
    expect(result.reason).toBe("stop");
    expect(sim.requests.completions(alpha)).toHaveLength(2);
    expect(assistantTexts(session)).toEqual(["Finished."]);
    expect(session.records().some((record) => record.type === "interrupted_answer")).toBe(true);
  });

  it("retries an idle stream, but keep-alive comments keep a slow one alive", async () => {
    sim = await startSim([
      { content: "stalls silently after this text", stream: { stallAfterChunks: { after: 3, ms: 1500 } } },
      { content: "Quick answer." },
      { content: "Slow but alive.", stream: { stallAfterChunks: { after: 1, ms: 1500, keepAliveEveryMs: 100 } } },
    ]);
    session = createFallbackSession(sim, { gateways: ["alpha"], pluginOptions: { ...fast, idleTimeoutMs: 600 } });
    expect((await runTurn(session)).reason).toBe("stop");
    expect(sim.requests.completions(alpha)).toHaveLength(2);
    expect(session.records().find((record) => record.type === "interrupted_answer")).toEqual(expect.objectContaining({ reason: expect.stringContaining("sent nothing for 600 ms") }));
    expect((await runTurn(session, "next")).reason).toBe("stop");
    expect(sim.requests.completions(alpha)).toHaveLength(3);
    expect(assistantTexts(session)).toEqual(["Quick answer.", "Slow but alive."]);
  });

  it("never runs a tool call cut by the output limit: asks with more room once, then tells the model", async () => {
    const runs: unknown[] = [];
    const cut = { toolCalls: [{ name: "write", arguments: '{"path":"a.ts","content":"export const a = 1;"}' }], finishReason: "length" };
    sim = await startSim([cut, cut, { when: { lastRole: "tool" }, content: "I will write it in parts." }]);
    session = createFallbackSession(sim, { gateways: ["alpha"], tools: [recordingWriteTool(runs)], maxOutputTokens: 1000 });
    const result = await runTurn(session);
    expect(result.reason).toBe("stop");
    expect(runs).toEqual([]);
    const sent = sim.requests.completions(alpha).map((request) => request.maxTokens);
    expect(sent[0]).toBe(1000);
    expect(sent[1]).toBe(2000);
    expect(sent).toHaveLength(3);
    const results = session.records().flatMap((record) => (record.type === "message" && record.message.role === "tool" ? [record.message.content] : []));
    expect(results).toEqual([CUT_TOOL_CALL_RESULT]);
    expect(session.records().some((record) => record.type === "tool_start")).toBe(false);
  });
});
