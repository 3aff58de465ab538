// The fault soak: many turns through the real kernel (the default preset, fallback included) over
// the loopback gateway simulator, each turn meeting seeded random faults and malformations, doing
// real tool calls in a temporary workspace, and checked after it ends: the session log replays to
// the live conversation and holds every record the run wrote, in order.
import { mkdtempSync, readFileSync, realpathSync, rmSync, mkdirSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent, createKernel, GatewayTransport, readSessionFile, replaySession, SessionLog } from "@bridle/core";
import { parseSessionText } from "@bridle/core/internal";
import { createSeededRandom, startGatewaySim } from "@bridle/gateway-sim";
import { defaultPreset } from "@bridle/preset-default";
import { createBuiltinTools } from "@bridle/tools";
import { FAULT_KINDS, FAULT_NAMES, IDLE_TIMEOUT_MS, LEAKED_CALLS, MALFORMED_CALLS } from "./soak-faults.mjs";

const MODEL = "soak-coder";
/** Two real gateway definitions of the preset, pointed at the simulator by the user's config. */
const GATEWAYS = {
  openrouter: { slug: "acme/soak-coder", keyEnv: "OPENROUTER_API_KEY" },
  fireworks: { slug: "accounts/acme/models/soak-coder", keyEnv: "FIREWORKS_API_KEY" },
};
/** Short enough that a soak turn never waits long for an open breaker. */
const BREAKER_COOLDOWN_MS = 20;
/** A small window, so that a long soak session compacts many times. */
const WINDOW = 32_000;
const MAX_OUTPUT = 4_000;

/** Signs of a JavaScript failure rather than a message written for the user. */
const INTERNAL_ERROR = /\b(TypeError|ReferenceError|RangeError|SyntaxError)\b|\bundefined\b|\[object Object\]|Cannot read propert|is not a function/;

/** A message that says what went wrong: not empty, not an internal error. */
export function isClearMessage(message) {
  return typeof message === "string" && message.trim().length >= 10 && !INTERNAL_ERROR.test(message);
}

/** A tool that records its calls: stands for the corpus's tools, which the built-ins are not. */
function recordingTool(name, schema, runs) {
  return {
    name,
    description: `${name} (a tool of the recorded corpus)`,
    kind: "read",
    parameters: { safeParse: (value) => ({ success: true, data: value }) },
    jsonSchema: schema ?? { type: "object", properties: {} },
    run: async (args) => {
      runs.push({ name, args });
      return { content: `${name} ran` };
    },
  };
}

function soakTools(runs) {
  const builtins = createBuiltinTools();
  const names = new Set(builtins.map((tool) => tool.name));
  const extra = [];
  for (const row of MALFORMED_CALLS) {
    if (names.has(row.toolName) || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(row.toolName ?? "")) continue;
    names.add(row.toolName);
    extra.push(recordingTool(row.toolName, row.schema, runs));
  }
  // The leaked calls' tools are offered: a grammar like Llama's bare JSON is a call only when it names one.
  for (const name of LEAKED_CALLS.flatMap((row) => row.names)) {
    if (names.has(name) || !/^[A-Za-z_][A-Za-z0-9_.-]*$/.test(name)) continue;
    names.add(name);
    extra.push(recordingTool(name, { type: "object", properties: {}, additionalProperties: true }, runs));
  }
  return [...builtins, ...extra];
}

/** Every stamped record the agent appended, kept beside the log to check the file against. */
function keepingRecorder(log, written) {
  return {
    append(record) {
      const stamped = log.append(record);
      written.push(JSON.parse(JSON.stringify(stamped)));
      return stamped;
    },
    sync: () => log.sync(),
    flush: () => log.flush(),
  };
}

/** Records the run wrote (from `from` on) that the file's records do not hold, unchanged and in order. */
function lostRecords(written, fileRecords, from = 0) {
  const body = fileRecords.slice(1);
  let lost = 0;
  for (let index = from; index < written.length; index++) {
    if (JSON.stringify(body[index]) !== JSON.stringify(written[index])) lost += 1;
  }
  return lost + Math.max(0, body.length - written.length);
}

/**
 * Reads what the session file gained since the last check. The bytes checked before must be
 * there unchanged (append-only); the new complete lines are parsed as the file's reader does.
 * Keeps the whole check linear in the soak's length; `readSessionFile` re-reads it all now and then.
 */
function fileReader(file) {
  let checked = readFileSync(file);
  const headerLine = checked.subarray(0, checked.indexOf(10)).toString("utf8");
  const records = parseSessionText(checked.toString("utf8"), file).records;
  return {
    records,
    /** Returns the problems found: bytes changed under the records, lines that do not parse. */
    advance() {
      const bytes = readFileSync(file);
      const problems = [];
      if (bytes.length < checked.length || !bytes.subarray(0, checked.length).equals(checked)) problems.push("bytes already written changed");
      const end = bytes.lastIndexOf(10) + 1;
      if (end > checked.length) {
        const parsed = parseSessionText(`${headerLine}\n${bytes.subarray(checked.length, end).toString("utf8")}`, file);
        for (const skipped of parsed.skipped) problems.push(`a line does not parse: ${skipped.reason}`);
        records.push(...parsed.records.slice(1));
      }
      checked = bytes.subarray(0, end);
      return problems;
    },
  };
}

function sameJson(left, right) {
  return JSON.stringify(left) === JSON.stringify(right);
}

/**
 * The steps of one turn: the scripted work (real tool calls) in four stages, and the turn's faults,
 * each striking at a random stage. A stage answers by what the conversation already holds (the
 * previous tool's output), so a retried request gets the same answer again, as from a model; the
 * most advanced stage is listed first and wins.
 */
function turnSteps(turn, tag, kinds, random, gateway) {
  // One folder per turn: listings and searches stay the size of a turn, however long the soak.
  const folder = `work/t${turn}`;
  const file = `${folder}/note.txt`;
  const second = [{ name: "edit", arguments: JSON.stringify({ path: file, old_string: `turn ${turn}`, new_string: `edited ${turn}` }) }];
  const extra = random.int(4);
  if (extra === 0) second.push({ name: "bash", arguments: JSON.stringify({ command: `grep -c edited ${file} || true` }) });
  if (extra === 1) second.push({ name: "grep", arguments: JSON.stringify({ pattern: `turn ${turn}\\b`, path: folder }) });
  if (extra === 2) second.push({ name: "ls", arguments: JSON.stringify({ path: folder }) });
  const stages = [
    { when: {}, answer: { toolCalls: [{ name: "write", arguments: JSON.stringify({ path: file, content: `turn ${turn}\n` }) }] } },
    { when: { anyMessageContains: `${file} (1 line)` }, answer: { toolCalls: [{ name: "read", arguments: JSON.stringify({ path: file }) }] } },
    { when: { anyMessageContains: `1\tturn ${turn}\n` }, answer: { toolCalls: second } },
    { when: { anyMessageContains: `Edited ${file}` }, answer: { content: `done ${tag}` } },
  ];
  const faults = kinds.flatMap((kind) => {
    const stage = stages[random.int(stages.length)];
    return FAULT_KINDS[kind].steps(random, gateway).map((step) => ({ ...step, when: { ...stage.when, ...step.when } }));
  });
  const work = stages.toReversed().map((stage) => ({ ...stage.answer, repeat: 3, when: stage.when }));
  return [...faults, ...work].map((step) => ({ ...step, when: { ...step.when, lastUserContains: tag, hasTools: true } }));
}

/**
 * Runs the soak. Returns the figures and the problems found (each a turn, its faults and what
 * went wrong), never throwing for a failed turn.
 */
export async function runSoak({ turns = 1000, seed = 1, log: print = () => {} } = {}) {
  const draws = createSeededRandom(seed);
  const random = { ...draws, pick: (items) => items[draws.int(items.length)] };
  const started = performance.now();
  const root = mkdtempSync(path.join(tmpdir(), "bridle-soak-"));
  const workspace = path.join(root, "workspace");
  mkdirSync(path.join(workspace, "work"), { recursive: true });
  const realWorkspace = realpathSync(workspace);
  const profiles = Object.entries(GATEWAYS).map(([profile, gateway]) => ({
    profile,
    replaceModels: true,
    models: [{ slug: gateway.slug, contextWindow: WINDOW, maxOutputTokens: MAX_OUTPUT, family: "other" }],
  }));
  const sim = await startGatewaySim({ profiles, seed, maxRecordedRequests: 50 });
  const crashes = [];
  const onCrash = (error) => crashes.push({ turn: -1, error: String(error?.stack ?? error) });
  process.on("unhandledRejection", onCrash);
  process.on("uncaughtException", onCrash);
  const figures = {
    turns: 0,
    faults: 0,
    faultsByKind: Object.fromEntries(FAULT_NAMES.map((name) => [name, 0])),
    recoveries: 0,
    clearMessages: 0,
    unhandledFaults: 0,
    recordsLost: 0,
    replayMismatches: 0,
    skippedLines: 0,
    compactions: 0,
    fallbacks: 0,
    retries: 0,
    toolRuns: 0,
  };
  const problems = [];
  /** The first message a turn ended with, per combination of faults: what the user was told. */
  const endings = {};
  /** Turn time spent per fault kind (a turn's time shared among its faults). */
  const secondsByKind = {};
  const savedKeys = {};
  let log;
  try {
    const settings = Object.fromEntries(Object.keys(GATEWAYS).map((id) => [id, { baseURL: sim.baseURL(id) }]));
    const configFile = path.join(root, "config.json");
    const pluginOptions = {
      fallback: { breakerFile: "off", baseDelayMs: 1, maxBackoffMs: 4, maxDelayMs: 2_000, idleTimeoutMs: IDLE_TIMEOUT_MS, breakerCooldownMs: BREAKER_COOLDOWN_MS },
    };
    const kernel = createKernel({
      plugins: defaultPreset.plugins.map((plugin) => ({ plugin, options: pluginOptions[plugin.name] ?? {} })),
      gateways: [{ file: configFile, settings }],
      userGateways: { settings, file: configFile },
    });
    kernel.models.define({
      id: MODEL,
      family: "other",
      contextWindow: WINDOW,
      maxOutputTokens: MAX_OUTPUT,
      toolCalls: true,
      reasoning: "none",
      reasoningReplay: "drop",
      gateways: Object.fromEntries(Object.entries(GATEWAYS).map(([id, gateway]) => [id, { slug: gateway.slug }])),
    });
    const feedCounts = { "compaction.done": 0 };
    kernel.hooks.onEvent.tap("soak", (event) => {
      if (event.type === "request.retry") figures.retries += 1;
      if (event.type === "request.fallback") figures.fallbacks += 1;
      feedCounts[event.type] = (feedCounts[event.type] ?? 0) + 1;
    });
    // Keys live in the environment, as for the CLI: the transport and the fallback plugin read them there.
    for (const [id, gateway] of Object.entries(GATEWAYS)) {
      savedKeys[gateway.keyEnv] = process.env[gateway.keyEnv];
      process.env[gateway.keyEnv] = sim.apiKey(id);
    }
    log = SessionLog.create({ directory: path.join(root, "sessions"), workspace: realWorkspace, model: MODEL, gateway: "openrouter" });
    const written = [];
    const runs = [];
    const file = fileReader(log.file);
    let checkedRecords = 0;
    const agent = new Agent({
      kernel,
      sender: new GatewayTransport({ gateways: kernel.gateways, models: kernel.models, hooks: kernel.hooks, emit: (event) => kernel.emit(event) }),
      tools: soakTools(runs),
      workspace: realWorkspace,
      sessionId: log.id,
      sessionDirectory: path.join(root, "sessions", log.id),
      systemPrompt: "You are a coding agent under a fault soak.",
      model: kernel.resolveModel(MODEL, "openrouter"),
      gateway: "openrouter",
      recorder: keepingRecorder(log, written),
      maxOutputTokens: MAX_OUTPUT,
      route: { gateways: Object.keys(GATEWAYS), fallbackModels: [] },
    });

    for (let turn = 1; turn <= turns; turn++) {
      const tag = `[t${turn}]`;
      const count = [0, 1, 1, 1, 2, 2][random.int(6)];
      const kinds = Array.from({ length: count }, () => random.pick(FAULT_NAMES));
      sim.setScenario({ steps: turnSteps(turn, tag, kinds, random, agent.gateway) });
      const crashesBefore = crashes.length;
      const turnStarted = performance.now();
      let result;
      try {
        result = await agent.runTurn(`${tag} Make work/t${turn}/note.txt say "edited ${turn}".`, { signal: new AbortController().signal });
      } catch (error) {
        crashes.push({ turn, error: String(error?.stack ?? error) });
      }
      figures.turns += 1;
      const turnSeconds = (performance.now() - turnStarted) / 1000;
      for (const kind of kinds.length > 0 ? kinds : ["(no fault)"]) secondsByKind[kind] = (secondsByKind[kind] ?? 0) + turnSeconds / Math.max(1, kinds.length);
      figures.faults += kinds.length;
      for (const kind of kinds) figures.faultsByKind[kind] += 1;

      const last = agent.messages.at(-1);
      let edited = "";
      try {
        edited = readFileSync(path.join(realWorkspace, "work", `t${turn}`, "note.txt"), "utf8");
      } catch {}
      const recovered = result?.reason === "stop" && last?.role === "assistant" && last.content === `done ${tag}` && edited === `edited ${turn}\n`;
      const clear = !recovered && result !== undefined && result.reason !== "stop" && isClearMessage(result.message);
      const internal = result?.reason === "error" && !isClearMessage(result.message);
      if (internal) crashes.push({ turn, error: result.message });
      // A turn whose gateway answered in full must complete: a message is no way out of it.
      const mustComplete = kinds.every((kind) => FAULT_KINDS[kind].healthy);
      if (recovered) figures.recoveries += kinds.length;
      else if (clear && !mustComplete) {
        figures.clearMessages += kinds.length;
        endings[kinds.join(" + ") || "(no fault)"] ??= result.message;
      }
      else {
        figures.unhandledFaults += Math.max(1, kinds.length);
        const problem = mustComplete ? "a turn that met no failing gateway did not complete" : "ended without recovering or a clear message";
        // What the turn's tools answered, for the report.
        const start = agent.messages.findLastIndex((message) => message.role === "user" && typeof message.content === "string" && message.content.startsWith(tag));
        const tools = agent.messages.slice(start + 1).flatMap((message) => (message.role === "tool" ? [String(message.content).slice(0, 160)] : []));
        problems.push({ turn, kinds, problem: `${problem} (${result?.reason ?? "it threw"})`, message: result?.message, last: last?.content, file: edited, tools });
      }
      if (crashes.length > crashesBefore && !internal) problems.push({ turn, kinds, problem: "crash", message: crashes.at(-1).error });

      for (const problem of file.advance()) {
        figures.skippedLines += 1;
        problems.push({ turn, kinds, problem: `session file: ${problem}` });
      }
      const lost = lostRecords(written, file.records, checkedRecords);
      checkedRecords = written.length;
      // Now and then, and at the end, the whole file as a resume reads it.
      if (turn % 100 === 0 || turn === turns) {
        const contents = readSessionFile(log.file);
        figures.skippedLines += contents.skipped.length;
        const lostWhole = lostRecords(written, contents.records);
        if (lostWhole > 0) problems.push({ turn, kinds, problem: `${lostWhole} records written are not in the whole file as written` });
        figures.recordsLost = Math.max(figures.recordsLost, lostWhole);
      }
      if (lost > 0) problems.push({ turn, kinds, problem: `${lost} records written are not in the file as written` });
      figures.recordsLost = Math.max(figures.recordsLost, lost);
      const replayed = replaySession(file.records);
      const same = sameJson(replayed.messages, agent.messages) && replayed.model === agent.model.id && replayed.gateway === agent.gateway;
      if (!same) {
        figures.replayMismatches += 1;
        problems.push({ turn, kinds, problem: "the session log does not replay to the live conversation" });
      }
      // The next turn comes as a stopped turn's message says: after the breakers' cooldown.
      if (result?.reason === "error") await new Promise((resolve) => setTimeout(resolve, BREAKER_COOLDOWN_MS + 5));
      if (turn % 100 === 0) print(`soak: ${turn} turns, ${figures.faults} faults, ${figures.recoveries} recovered, ${problems.length} problems, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
    figures.compactions = written.filter((record) => record.type === "compaction").length;
    figures.toolRuns = written.filter((record) => record.type === "tool_start").length + runs.length;
  } finally {
    process.off("unhandledRejection", onCrash);
    process.off("uncaughtException", onCrash);
    for (const [variable, value] of Object.entries(savedKeys)) {
      if (value === undefined) delete process.env[variable];
      else process.env[variable] = value;
    }
    log?.close();
    await sim.close();
    rmSync(root, { recursive: true, force: true });
  }
  figures.crashes = crashes.length;
  return { seed, figures, endings, secondsByKind, problems, crashes, seconds: (performance.now() - started) / 1000 };
}
