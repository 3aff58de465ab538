/**
 * Context engine (@bridle/plugin-compaction):
 * - accounting a new message in a 10k-token and a 1M-token session, through the real
 *   `beforeRequest` step below tier 1 (the cost must follow the message, not the conversation);
 * - the non-model part of compacting a 1M-token session (pruning, turn selection, transcript,
 *   passes, facts, pairing, recounting), with a summarizer that answers at once;
 * - heap of a 1M-token session (messages plus cached counts) and what the plugin adds to it;
 * - prompt-prefix changes per 100 turns in a 200-turn scripted session against the simulator.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import v8 from "node:v8";
import vm from "node:vm";
import { Agent, createKernel, GatewayRegistry, GatewayTransport, TokenCounter } from "@bridle/core";
import { startGatewaySim } from "@bridle/gateway-sim";
import { measure, measureEach } from "./measure.mjs";

export const name = "compaction";

async function loadPlugin() {
  try {
    return await import("@bridle/plugin-compaction");
  } catch {
    // Until bench/package.json lists @bridle/plugin-compaction, load the built package directly.
    return await import(new URL("../plugins/compaction/dist/index.js", import.meta.url).href);
  }
}

const { compactionPlugin, compactionThresholds, compactToTarget, createCompactionEngine, fitRequest, TokenLedger } = await loadPlugin();

const VOCABULARY = ["function", "return", "const", "value", "import", "module", "parser", "token", "window", "session", "request", "gateway", "model", "buffer", "stream", "error"];

function words(count, seed) {
  let state = seed >>> 0 || 1;
  const parts = [];
  for (let index = 0; index < count; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    parts.push(VOCABULARY[state % VOCABULARY.length]);
    if (index % 16 === 15) parts.push("\n");
  }
  return parts.join(" ");
}

/** An agent session of about `tokens` tokens: turns of a question, a read call, a 3k-token output and an answer. */
function session(tokens) {
  const messages = [];
  for (let turn = 1; ; turn++) {
    const id = `call_${turn}`;
    messages.push(
      { role: "user", content: `Task ${turn}: ${words(100, turn * 7 + 1)}` },
      { role: "assistant", content: null, toolCalls: [{ id, name: "read", arguments: JSON.stringify({ path: `src/file-${turn}.ts` }) }] },
      { role: "tool", toolCallId: id, name: "read", content: words(3000, turn * 7 + 3) },
      { role: "assistant", content: `Done with task ${turn}. ${words(400, turn * 7 + 5)}` },
    );
    if (turn * 3560 >= tokens) return messages;
  }
}

/** A turn context over a plain conversation, as the agent builds it. */
function turnContext(conversation, window, counter) {
  return {
    sessionId: "bench",
    model: { input: "bench-model", id: "bench-model", known: true },
    gateway: "bench",
    models: null,
    state: new Map(),
    tokens: counter,
    conversation: { messages: () => conversation, replace: () => {} },
    limits: () => ({ contextWindow: window, maxOutputTokens: 16_000, source: "registry" }),
    complete: async () => {
      throw new Error("no model in this benchmark");
    },
    emit: () => {},
    turn: 1,
    attempt: 0,
    signal: new AbortController().signal,
    compactRequested: false,
  };
}

/** Median time to account one new ~200-token message through `beforeRequest` (no compaction due). */
async function accountingTime(sessionTokens) {
  const counter = new TokenCounter();
  const conversation = session(sessionTokens);
  const system = { role: "system", content: "You are a coding agent." };
  const request = { model: "bench-model", gateway: "bench", messages: [system, ...conversation], tools: [], maxOutputTokens: 8000, body: {}, headers: {} };
  const engine = createCompactionEngine();
  // A window far above the session, so no tier fires: this is the per-request cost of every turn.
  const context = turnContext(conversation, 100_000_000, counter);
  await fitRequest(request, context, engine);
  const fresh = Array.from({ length: 5_000 }, (_, index) => ({ role: "user", content: words(200, 1_000_000 + index) }));
  let next = 0;
  collectGarbage();
  const timing = await measure(
    async () => {
      request.messages.push(fresh[next++]);
      await fitRequest(request, context, engine);
    },
    { iterations: 4_200, batches: 7, warmup: 500 },
  );
  return timing.median;
}

function collectGarbage() {
  v8.setFlagsFromString("--expose_gc");
  const gc = vm.runInNewContext("gc");
  gc();
  gc();
}

export async function run() {
  const rows = [];

  // 1. Accounting a new message; the sizes alternate so warm-up and garbage collection hit both alike.
  const samples = { small: [], large: [] };
  for (let round = 0; round < 3; round++) {
    samples.small.push(await accountingTime(10_000));
    samples.large.push(await accountingTime(1_000_000));
  }
  const middle = (values) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const small = middle(samples.small);
  const large = middle(samples.large);
  rows.push(
    { name: "account a new message, 10k-token session", value: small * 1e6, unit: "µs" },
    { name: "account a new message, 1M-token session", value: large * 1e6, unit: "µs" },
    { name: "accounting time ratio 1M / 10k", value: large / small, unit: "×", target: "< 1.5", pass: large / small < 1.5 },
  );

  // 2. The non-model part of compacting a 1M-token session.
  const counter = new TokenCounter();
  const conversation = session(1_000_000);
  const local = counter.countMessages(conversation);
  const engine = createCompactionEngine();
  const summarizer = {
    model: "bench-1m",
    gateway: "bench",
    contextWindow: 1_000_000,
    maxOutputTokens: 16_000,
    ratio: 1,
    complete: async (request) => ({ model: request.model, gateway: request.gateway, finishReason: "stop", message: { role: "assistant", content: "## Task\nThe brief." } }),
  };
  let passes = 0;
  let kept = 0;
  const compaction = async (window, pruneFirst) => {
    const thresholds = compactionThresholds({ window, reserve: 16_000, tier1: 0.5, tier2: 0.75, tier3: 0.9, target: 0.4 });
    const outcome = await compactToTarget({ messages: conversation, target: { thresholds, fixedTokens: 2000, ratio: 1 }, settings: engine.options, summarizers: [summarizer], counter, pruneFirst });
    passes = outcome.passes;
    kept = outcome.tokens;
  };
  const tier3 = await measureEach(() => compaction(1_000_000, false), { runs: 11, warmup: 2 });
  rows.push({
    name: "compact a 1M-token session, non-model part (tier 3, 1M window)",
    value: tier3.median * 1000,
    unit: "ms",
    target: "< 50 ms",
    pass: tier3.median < 0.05,
    details: { sessionTokens: local, messages: conversation.length, passes, tokensAfter: kept },
  });
  const downswitch = await measureEach(() => compaction(200_000, true), { runs: 11, warmup: 2 });
  rows.push({
    name: "compact a 1M-token session, non-model part (switch to 200k)",
    value: downswitch.median * 1000,
    unit: "ms",
    target: "< 50 ms",
    pass: downswitch.median < 0.05,
    details: { passes, tokensAfter: kept },
  });

  // 3. Memory of a 1M-token session.
  collectGarbage();
  const baseline = process.memoryUsage().heapUsed;
  const held = session(1_000_000);
  const heldCounter = new TokenCounter();
  heldCounter.countMessages(held);
  collectGarbage();
  const withSession = process.memoryUsage().heapUsed;
  // One ledger is too small to see through the heap's noise: hold many and divide.
  const ledgers = Array.from({ length: 100 }, () => {
    const ledger = new TokenLedger();
    ledger.total(held, heldCounter);
    return ledger;
  });
  collectGarbage();
  const withLedgers = process.memoryUsage().heapUsed;
  rows.push(
    { name: "heap of a 1M-token session (messages + cached counts)", value: (withSession - baseline) / 2 ** 20, unit: "MiB", details: { messages: held.length } },
    { name: "heap the plugin adds to a 1M-token session (token ledger)", value: Math.max(0, withLedgers - withSession) / ledgers.length / 1024, unit: "KiB" },
  );

  // 4. Prefix changes in a 200-turn scripted session over the simulator.
  rows.push(await prefixChanges());
  return rows;
}

/** Runs 200 scripted turns on a 64k-window model and counts requests whose message prefix changed. */
async function prefixChanges() {
  const turns = 200;
  const slug = "acme/tiny-64k";
  const sim = await startGatewaySim({
    profiles: [{ profile: "openrouter", replaceModels: true, models: [{ slug, contextWindow: 64_000, maxOutputTokens: 4096, family: "other" }] }],
    scenario: {
      steps: [
        { when: { hasTools: false }, repeat: true, content: "## Task\nKeep going.\n## Next steps\nThe next task." },
        { when: { hasTools: true, lastRole: "user" }, repeat: true, toolCalls: [{ name: "read", arguments: '{"path":"notes.txt"}' }] },
        { when: { hasTools: true, lastRole: "tool" }, repeat: true, content: `Done. ${words(80, 9)}` },
      ],
    },
  });
  const directory = mkdtempSync(path.join(tmpdir(), "bridle-compaction-bench-"));
  try {
    const kernel = createKernel({ plugins: [{ plugin: compactionPlugin }] });
    kernel.models.define({ id: slug, family: "other", contextWindow: 64_000, maxOutputTokens: 4096, toolCalls: true, reasoning: "none", reasoningReplay: "drop" });
    let compactions = 0;
    kernel.hooks.onEvent.tap("bench", (event) => {
      if (event.type === "compaction.done") compactions += 1;
    });
    const gateways = new GatewayRegistry();
    gateways.configure({ openrouter: { baseURL: sim.baseURL("openrouter"), apiKeyEnv: "OPENROUTER_API_KEY" } });
    const read = {
      name: "read",
      description: "Read a file",
      kind: "read",
      parameters: { safeParse: (value) => ({ success: true, data: value }) },
      jsonSchema: { type: "object", properties: { path: { type: "string" } }, required: ["path"] },
      run: async () => ({ content: words(600, 600) }),
    };
    const agent = new Agent({
      kernel,
      sender: new GatewayTransport({ gateways, models: kernel.models, environment: { OPENROUTER_API_KEY: sim.apiKey("openrouter") } }),
      tools: [read],
      workspace: directory,
      sessionId: "bench",
      sessionDirectory: directory,
      systemPrompt: "You are a coding agent.",
      model: kernel.resolveModel(slug, "openrouter"),
      gateway: "openrouter",
    });
    for (let turn = 1; turn <= turns; turn++) {
      await agent.runTurn(`Task ${turn}: ${words(100, turn)}`, { signal: new AbortController().signal });
    }
    let changes = 0;
    let previous = [];
    for (const request of sim.requests.all()) {
      const body = request.body;
      if (!Array.isArray(body?.tools)) continue;
      const messages = body.messages.map((message) => JSON.stringify(message));
      if (!previous.every((message, index) => messages[index] === message)) changes += 1;
      previous = messages;
    }
    const perHundred = (changes / turns) * 100;
    return {
      name: "prompt-prefix changes per 100 turns (200-turn session, 64k window)",
      value: perHundred,
      unit: "changes",
      target: "≤ 5, compactions only",
      pass: perHundred <= 5 && changes === compactions,
      details: { changes, compactions, turns },
    };
  } finally {
    await sim.close();
    rmSync(directory, { recursive: true, force: true });
  }
}
