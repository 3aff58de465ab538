import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent, createKernel, definePlugin, GatewayTransport, SessionLog, type BridlePlugin, type FeedEvent, type GatewaySettings, type PluginKernel } from "@bridle/core";
import { compactionPlugin } from "@bridle/plugin-compaction";
import { z } from "zod";
import { builtinProfiles, startGatewaySim, type GatewaySim, type RecordedRequest } from "@bridle/gateway-sim";
import { afterAll, beforeAll, expect, test } from "vitest";
import { cacheRoutingPlugin } from "./cache-routing-plugin.js";

const MODEL = "acme/coder-1m";
const GATEWAY = "openrouter";
const SERVED = [{ slug: MODEL, contextWindow: 1_000_000, maxOutputTokens: 16_000, family: "other" as const }];
const REPLICAS = ["gpu-1", "gpu-2", "gpu-3"];
let sim: GatewaySim;

beforeAll(async () => {
  sim = await startGatewaySim({
    profiles: [
      { profile: GATEWAY, replaceModels: true, models: SERVED },
      // Three self-hosted vLLM replicas behind one config-defined gateway.
      ...REPLICAS.map((name) => ({ profile: "vllm", name, apiKey: null, replaceModels: true, models: SERVED })),
    ],
  });
});

/** Lets a test post feed events the way another plugin (a circuit breaker) does. */
function feedPoster() {
  let kernel: PluginKernel | undefined;
  const plugin = definePlugin({ name: "test-breakers", description: "posts breaker events", options: z.object({}), apply: (given) => void (kernel = given) });
  return { plugin, post: (event: FeedEvent) => kernel?.emit(event) };
}
afterAll(async () => {
  await sim.close();
});

/** A real agent on the simulated 4-node OpenRouter, its gateway declared the way a config file does. */
function session(plugins: BridlePlugin[], gateway = GATEWAY, settings: Record<string, GatewaySettings> = { [GATEWAY]: { baseURL: sim.baseURL(GATEWAY), apiKeyEnv: "OPENROUTER_API_KEY", affinity: "session_id" } }) {
  const kernel = createKernel({
    plugins: plugins.map((plugin) => ({ plugin })),
    gateways: [{ file: "bridle.config.json", settings }],
    // The user's own config: the only one that may send a key to the simulator's loopback host.
    userGateways: { file: "bridle.config.json", settings },
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
    model: kernel.resolveModel(MODEL, gateway),
    gateway,
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

const ask = async (current: ReturnType<typeof session>, text: string) => {
  const result = await current.agent.runTurn(text, { signal: new AbortController().signal });
  if (result.reason !== "stop") throw new Error(`turn ended with ${result.reason}: ${result.message}`);
  return result;
};

test("the affinity value survives a compaction, and the summary request carries it to the same node", async () => {
  const current = session([compactionPlugin, cacheRoutingPlugin]);
  const before = sim.requests.completions(GATEWAY).length;
  try {
    for (let turn = 1; turn <= 6; turn += 1) await ask(current, `Step ${turn}: ${"look at the next module closely. ".repeat(30)}`);
    expect((await current.agent.compact({}))?.tokensAfter).toBeGreaterThan(0);
    expect(current.feed.some((event) => event.type === "compaction.done")).toBe(true);
    for (let turn = 7; turn <= 9; turn += 1) await ask(current, `Step ${turn}: carry on.`);
    const records = sim.requests.completions(GATEWAY).slice(before);
    expect(records.length).toBeGreaterThanOrEqual(10);
    expect(new Set(records.map((record) => record.affinityKey?.value)).size).toBe(1);
    expect(records.every((record) => record.affinityKey?.source === "body:session_id")).toBe(true);
    expect(new Set(records.map((record) => record.node)).size).toBe(1);
  } finally {
    current.close();
  }
}, 60_000);

test("a session sticks to one of several endpoints, re-homes when its breaker opens and stays on the new home", async () => {
  const breakers = feedPoster();
  const settings = { fleet: { baseURL: sim.baseURL("gpu-1"), endpoints: [sim.baseURL("gpu-2"), sim.baseURL("gpu-3")], affinity: "none" as const } };
  const current = session([cacheRoutingPlugin, breakers.plugin], "fleet", settings);
  const served = () => REPLICAS.flatMap((name) => sim.requests.completions(name).map((record) => ({ name, record }))).sort((a, b) => a.record.sequence - b.record.sequence);
  const before = served().length;
  try {
    for (let turn = 1; turn <= 3; turn += 1) await ask(current, `Step ${turn}`);
    const first = served().slice(before);
    expect(first).toHaveLength(3);
    const home = first[0]!.name;
    expect(first.every((entry) => entry.name === home)).toBe(true);
    // No affinity mechanism declared ("none"): nothing on the wire.
    expect(first.every((entry) => entry.record.affinityKey === undefined && !JSON.stringify([entry.record.body ?? null, entry.record.headers]).includes("brdl-"))).toBe(true);

    const homeId = home === "gpu-1" ? "fleet" : `endpoint-${REPLICAS.indexOf(home)}`;
    breakers.post({ type: "breaker.open", level: "warn", message: "opened", data: { gateway: "fleet", endpoint: homeId } });
    await ask(current, "Step 4");
    const moved = served().slice(before + 3);
    expect(moved).toHaveLength(1);
    expect(moved[0]!.name).not.toBe(home);
    expect(current.feed.some((event) => event.type === "cache.rehomed" && event.data?.from === homeId)).toBe(true);

    // The old home answers again: the session stays where its cache now is.
    breakers.post({ type: "breaker.closed", level: "info", message: "closed", data: { gateway: "fleet", endpoint: homeId } });
    await ask(current, "Step 5");
    expect(served().at(-1)!.name).toBe(moved[0]!.name);
  } finally {
    current.close();
  }
}, 60_000);

test("a system prompt that changes mid-session is a warning in the feed; an unchanged one is not", async () => {
  // A system prompt with the time in it, as some harnesses write: different on every turn from the third.
  const volatile = definePlugin({
    name: "test-volatile-system",
    description: "puts a clock in the system prompt",
    options: z.object({}),
    apply(kernel) {
      kernel.hooks.beforeRequest.tapPromise("test-volatile-system", async (request, context) =>
        context.turn < 3 ? request : { ...request, messages: request.messages.map((message, index) => (index === 0 ? { role: "system" as const, content: `${String(message.content)} Time: turn ${context.turn}.` } : message)) },
      );
    },
  });
  const current = session([volatile, cacheRoutingPlugin]);
  try {
    await ask(current, "first");
    await ask(current, "second");
    expect(current.feed.filter((event) => event.type === "cache.prefix-changed")).toHaveLength(0);
    await ask(current, "third");
    const warnings = current.feed.filter((event) => event.type === "cache.prefix-changed");
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatchObject({ level: "warn", data: { changed: ["system"], turn: 3 } });
  } finally {
    current.close();
  }
});

test("a sudden drop of the cached share on an unchanged prefix is a feed warning (the node lost the session's cache)", async () => {
  const current = session([cacheRoutingPlugin]);
  try {
    for (let turn = 1; turn <= 3; turn += 1) await ask(current, `Step ${turn}: ${"keep reading. ".repeat(40)}`);
    expect(current.feed.filter((event) => event.type === "cache.dropped")).toHaveLength(0);
    sim.resetCaches(GATEWAY);
    await ask(current, "Step 4");
    const drops = current.feed.filter((event) => event.type === "cache.dropped");
    expect(drops).toHaveLength(1);
    expect(drops[0]).toMatchObject({ level: "warn", data: { turn: 4, ratio: 0, gateway: GATEWAY } });
    expect(Number(drops[0]!.data?.previous)).toBeGreaterThan(0.5);
    // The next turn hits again on the same node, and is no drop.
    await ask(current, "Step 5");
    expect(current.feed.filter((event) => event.type === "cache.dropped")).toHaveLength(1);
  } finally {
    current.close();
  }
});
