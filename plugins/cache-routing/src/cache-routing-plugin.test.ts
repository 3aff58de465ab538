import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent, createKernel, GatewayTransport, SessionLog, type BridlePlugin, type FeedEvent } from "@bridle/core";
import { builtinProfiles, startGatewaySim, type GatewaySim, type RecordedRequest } from "@bridle/gateway-sim";
import { afterAll, beforeAll, expect, test } from "vitest";
import { cacheRoutingPlugin } from "./cache-routing-plugin.js";

const MODEL = "acme/coder-1m";
const GATEWAY = "openrouter";
let sim: GatewaySim;

beforeAll(async () => {
  sim = await startGatewaySim({
    profiles: [{ profile: GATEWAY, replaceModels: true, models: [{ slug: MODEL, contextWindow: 1_000_000, maxOutputTokens: 16_000, family: "other" as const }] }],
  });
});
afterAll(async () => {
  await sim.close();
});

/** A real agent on the simulated 4-node OpenRouter, its gateway declared the way a config file does. */
function session(plugins: BridlePlugin[]) {
  const kernel = createKernel({
    plugins: plugins.map((plugin) => ({ plugin })),
    gateways: [{ file: "bridle.config.json", settings: { [GATEWAY]: { baseURL: sim.baseURL(GATEWAY), apiKeyEnv: "OPENROUTER_API_KEY", affinity: "session_id" } } }],
  });
  kernel.models.define({ id: MODEL, family: "other", contextWindow: 1_000_000, maxOutputTokens: 16_000, toolCalls: true, reasoning: "none", reasoningReplay: "drop" });
  const feed: FeedEvent[] = [];
  kernel.hooks.onEvent.tap("test-feed", (event) => {
    feed.push(event);
  });
  const directory = mkdtempSync(path.join(tmpdir(), "bridle-cache-routing-"));
  const log = SessionLog.create({ directory, workspace: directory, model: MODEL, gateway: GATEWAY });
  const agent = new Agent({
    kernel,
    sender: new GatewayTransport({ gateways: kernel.gateways, models: kernel.models, environment: { OPENROUTER_API_KEY: sim.apiKey(GATEWAY) } }),
    tools: [],
    workspace: directory,
    sessionId: log.id,
    sessionDirectory: path.join(directory, "session"),
    systemPrompt: `You are a coding agent under test. ${"Keep every earlier message exactly as it was. ".repeat(60)}`,
    model: kernel.resolveModel(MODEL, GATEWAY),
    gateway: GATEWAY,
    recorder: log,
    maxOutputTokens: 4000,
  });
  return {
    agent,
    feed,
    id: log.id,
    directory,
    close() {
      log.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Runs `turns` user turns and returns what the simulator recorded for them. */
async function run(plugins: BridlePlugin[], turns: number) {
  const current = session(plugins);
  const before = sim.requests.completions(GATEWAY).length;
  for (let turn = 1; turn <= turns; turn += 1) {
    await current.agent.runTurn(`Step ${turn}: ${"read the next file and explain what it does. ".repeat(12)}`, { signal: new AbortController().signal });
  }
  return { ...current, records: sim.requests.completions(GATEWAY).slice(before) };
}

const sum = (records: readonly RecordedRequest[], pick: (record: RecordedRequest) => number) => records.reduce((total, record) => total + pick(record), 0);

/**
 * What a node that always held the session's cache would report: everything the previous request
 * sent and produced, to the cache block, and never more than the prompt.
 */
function oracleCached(records: readonly RecordedRequest[]): number {
  const block = builtinProfiles[GATEWAY]?.cacheBlockTokens ?? 16;
  let total = 0;
  for (let index = 1; index < records.length; index += 1) {
    const previous = records[index - 1] as RecordedRequest;
    const held = Math.floor(((previous.promptTokens ?? 0) + (previous.completionTokens ?? 0)) / block) * block;
    total += Math.min(held, records[index]?.promptTokens ?? 0);
  }
  return total;
}

test("a 50-turn session on 4 nodes reaches at least 0.9 of the oracle's cached tokens, and more than without the plugin", async () => {
  const on = await run([cacheRoutingPlugin], 50);
  const off = await run([], 50);
  try {
    expect(on.records).toHaveLength(50);
    const ratio = (records: readonly RecordedRequest[]) => sum(records, (record) => record.cachedTokens ?? 0) / sum(records, (record) => record.promptTokens ?? 0);
    const ofOracle = (records: readonly RecordedRequest[]) => sum(records, (record) => record.cachedTokens ?? 0) / oracleCached(records);
    console.log(
      `cached-token ratio over 50 turns: with cache-routing ${ratio(on.records).toFixed(3)} (${ofOracle(on.records).toFixed(3)} of the oracle's), ` +
        `without ${ratio(off.records).toFixed(3)} (${ofOracle(off.records).toFixed(3)} of the oracle's); nodes used ${new Set(on.records.map((r) => r.node)).size} vs ${new Set(off.records.map((r) => r.node)).size}`,
    );
    expect(ofOracle(on.records)).toBeGreaterThanOrEqual(0.9);
    expect(new Set(on.records.map((record) => record.node)).size).toBe(1);
    expect(sum(on.records, (record) => record.cachedTokens ?? 0)).toBeGreaterThan(sum(off.records, (record) => record.cachedTokens ?? 0));
    // One opaque value for the whole session: not the session id, not the key, not a path.
    const values = new Set(on.records.map((record) => record.affinityKey?.value));
    expect(values.size).toBe(1);
    const [value] = [...values] as string[];
    expect(value).toMatch(/^brdl-[A-Za-z0-9_-]{32}$/);
    expect(value).not.toContain(on.id);
    expect(value).not.toContain(sim.apiKey(GATEWAY));
    expect(value).not.toContain(on.directory);
    expect(off.records.every((record) => record.affinityKey === undefined)).toBe(true);
  } finally {
    on.close();
    off.close();
  }
}, 120_000);
