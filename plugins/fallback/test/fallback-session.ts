import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { Agent, createKernel, type FeedEvent, GatewayTransport, type Kernel, readSessionFile, SessionLog, type SessionRecord, type Tool, type TurnResult } from "@bridle/core";
import { type GatewaySim, type ScenarioInput, startGatewaySim } from "@bridle/gateway-sim";
import { z } from "zod";
import { createFallbackPlugin, type FallbackPluginSeams } from "../src/fallback-plugin.js";

/**
 * Two gateways that serve one canonical model under different slugs: the simulator's OpenRouter
 * and Together profiles, hosted as config-only gateways `alpha` and `beta` with their own keys.
 */
export const MODEL = "acme-coder";
export const GATEWAYS = {
  alpha: { profile: "openrouter", slug: "acme/coder-a", keyEnv: "ALPHA_TEST_KEY" },
  beta: { profile: "together", slug: "Acme/Coder-A-Instruct", keyEnv: "BETA_TEST_KEY" },
} as const;
export const WINDOW = 64_000;

export function startSim(scenario?: ScenarioInput): Promise<GatewaySim> {
  return startGatewaySim({
    profiles: Object.values(GATEWAYS).map((gateway) => ({
      profile: gateway.profile,
      replaceModels: true,
      models: [{ slug: gateway.slug, contextWindow: WINDOW, maxOutputTokens: 8_000, family: "other" as const }],
    })),
    ...(scenario ? { scenario } : {}),
  });
}

/** A `write` tool that records each run in a list, so a test sees whether a call ran. */
export function recordingWriteTool(runs: unknown[]): Tool {
  const parameters = z.object({ path: z.string(), content: z.string() });
  return {
    name: "write",
    description: "Write a file",
    kind: "edit",
    parameters,
    jsonSchema: z.toJSONSchema(parameters),
    run: async (args: z.infer<typeof parameters>) => {
      runs.push(args);
      return { content: `wrote ${args.path}` };
    },
  } as Tool;
}

export interface FallbackSession {
  agent: Agent;
  kernel: Kernel;
  feed: FeedEvent[];
  directory: string;
  records(): SessionRecord[];
  close(): void;
}

export interface FallbackSessionOptions {
  gateways?: Array<keyof typeof GATEWAYS>;
  fallbackModels?: string[];
  pluginOptions?: Record<string, unknown>;
  seams?: FallbackPluginSeams;
  tools?: Tool[];
  maxOutputTokens?: number;
  /** Gateways whose key is not in the environment. */
  withoutKey?: Array<keyof typeof GATEWAYS>;
}

/** A real agent with the fallback plugin, over HTTP to the simulator; keys only in the environment. */
export function createFallbackSession(sim: GatewaySim, options: FallbackSessionOptions = {}): FallbackSession {
  const directory = mkdtempSync(path.join(tmpdir(), "bridle-fallback-"));
  const order = options.gateways ?? ["alpha", "beta"];
  const settings = Object.fromEntries(order.map((id) => [id, { baseURL: sim.baseURL(GATEWAYS[id].profile), apiKeyEnv: GATEWAYS[id].keyEnv }]));
  const configFile = path.join(directory, "bridle.config.json");
  writeFileSync(configFile, JSON.stringify({ gateways: settings }));
  for (const id of Object.keys(GATEWAYS) as Array<keyof typeof GATEWAYS>) {
    if (options.withoutKey?.includes(id)) delete process.env[GATEWAYS[id].keyEnv];
    else process.env[GATEWAYS[id].keyEnv] = sim.apiKey(GATEWAYS[id].profile);
  }
  const plugin = createFallbackPlugin({ environment: { XDG_CACHE_HOME: path.join(directory, "cache") }, ...options.seams });
  // The user's own config: the one place a key may be bound to a host no plugin defined.
  const kernel = createKernel({ plugins: [{ plugin, options: { breakerFile: "off", ...options.pluginOptions } }], gateways: [{ file: configFile, settings }], userGateways: { settings, file: configFile } });
  kernel.models.define({
    id: MODEL,
    family: "other",
    contextWindow: WINDOW,
    maxOutputTokens: 8_000,
    toolCalls: true,
    reasoning: "none",
    reasoningReplay: "drop",
    gateways: Object.fromEntries(Object.entries(GATEWAYS).map(([id, gateway]) => [id, { slug: gateway.slug }])),
  } as Parameters<Kernel["models"]["define"]>[0]);
  const feed: FeedEvent[] = [];
  kernel.hooks.onEvent.tap("test-feed", (event) => {
    feed.push(event);
  });
  const first = order.find((id) => !options.withoutKey?.includes(id)) ?? order[0]!;
  const log = SessionLog.create({ directory, workspace: directory, model: MODEL, gateway: first });
  const agent = new Agent({
    kernel,
    sender: new GatewayTransport({ gateways: kernel.gateways, models: kernel.models, hooks: kernel.hooks, emit: (event) => kernel.emit(event) }),
    tools: options.tools ?? [],
    workspace: directory,
    sessionId: log.id,
    sessionDirectory: path.join(directory, "session"),
    systemPrompt: "You are a coding agent under test.",
    model: kernel.resolveModel(MODEL, first),
    gateway: first,
    recorder: log,
    maxOutputTokens: options.maxOutputTokens ?? 4_000,
    route: { gateways: order, fallbackModels: options.fallbackModels ?? [] },
  });
  return {
    agent,
    kernel,
    feed,
    directory,
    records: () => readSessionFile(log.file).records,
    close() {
      log.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** Runs one turn to its end. */
export function runTurn(session: FallbackSession, input = "Fix the bug", signal: AbortSignal = new AbortController().signal): Promise<TurnResult> {
  return session.agent.runTurn(input, { signal });
}
