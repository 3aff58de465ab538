import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import {
  Agent,
  type CanonicalModelId,
  type ChatMessage,
  createKernel,
  type FeedEvent,
  GatewayRegistry,
  GatewayTransport,
  type Kernel,
  readSessionFile,
  SessionLog,
  type SessionRecord,
  type Tool,
} from "@bridle/core";
import { type GatewaySim, type RecordedRequest, type ScenarioInput, startGatewaySim } from "@bridle/gateway-sim";
import { z } from "zod";
import { SUMMARY_PROMPT_OPENING } from "../src/build-summary-request.js";
import { compactionPlugin } from "../src/compaction-plugin.js";
import { words } from "./synthetic-conversation.js";

/** The simulated models: slug (= canonical id here), window, output limit. */
export const SIM_MODELS = {
  big: { slug: "acme/big-1m", contextWindow: 1_000_000, maxOutputTokens: 16_000 },
  bigOther: { slug: "acme/other-1m", contextWindow: 1_000_000, maxOutputTokens: 16_000 },
  mid: { slug: "acme/mid-200k", contextWindow: 200_000, maxOutputTokens: 16_000 },
  small: { slug: "acme/small-128k", contextWindow: 128_000, maxOutputTokens: 8_000 },
  tiny: { slug: "acme/tiny-64k", contextWindow: 64_000, maxOutputTokens: 4_096 },
} as const;

/** The gateway profile the simulator hosts: OpenRouter counts prompt plus requested output against the window. */
export const SIM_GATEWAY = "openrouter";

/** Starts the simulator serving the {@link SIM_MODELS} on one OpenRouter-like gateway. */
export function startSim(scenario?: ScenarioInput): Promise<GatewaySim> {
  return startGatewaySim({
    profiles: [
      {
        profile: SIM_GATEWAY,
        replaceModels: true,
        models: Object.values(SIM_MODELS).map((model) => ({ slug: model.slug, contextWindow: model.contextWindow, maxOutputTokens: model.maxOutputTokens, family: "other" as const })),
      },
    ],
    ...(scenario ? { scenario } : {}),
  });
}

/** A `read` tool whose output is deterministic filler of the size named in the path (`file-3000.txt`). */
export function fillerReadTool(): Tool {
  const parameters = z.object({ path: z.string() });
  return {
    name: "read",
    description: "Read a file",
    kind: "read",
    parameters,
    jsonSchema: z.toJSONSchema(parameters),
    run: async (args: z.infer<typeof parameters>) => {
      const size = Number(/(\d+)/.exec(args.path)?.[1] ?? 100);
      return { content: words(size, size) };
    },
  } as Tool;
}

export interface SimSession {
  agent: Agent;
  kernel: Kernel;
  log: SessionLog;
  feed: FeedEvent[];
  /** Records of the session file so far. */
  records(): SessionRecord[];
  close(): void;
}

/** A real agent with the compaction plugin, talking to the simulator over HTTP. */
export function createSimSession(sim: GatewaySim, options: { model: CanonicalModelId | string; history?: ChatMessage[]; pluginOptions?: Record<string, unknown>; tools?: Tool[] }): SimSession {
  const kernel = createKernel({ plugins: [{ plugin: compactionPlugin, options: options.pluginOptions ?? {} }] });
  for (const model of Object.values(SIM_MODELS)) {
    kernel.models.define({
      id: model.slug,
      family: "other",
      contextWindow: model.contextWindow,
      maxOutputTokens: model.maxOutputTokens,
      toolCalls: true,
      reasoning: "none",
      reasoningReplay: "drop",
    });
  }
  const feed: FeedEvent[] = [];
  kernel.hooks.onEvent.tap("test-feed", (event) => {
    feed.push(event);
  });
  const gateways = new GatewayRegistry();
  gateways.configure({ [SIM_GATEWAY]: { baseURL: sim.baseURL(SIM_GATEWAY), apiKeyEnv: "OPENROUTER_API_KEY" } });
  const directory = mkdtempSync(path.join(tmpdir(), "bridle-compaction-"));
  const log = SessionLog.create({ directory, workspace: directory, model: options.model, gateway: SIM_GATEWAY });
  const agent = new Agent({
    kernel,
    sender: new GatewayTransport({ gateways, models: kernel.models, environment: { OPENROUTER_API_KEY: sim.apiKey(SIM_GATEWAY) } }),
    tools: options.tools ?? [fillerReadTool()],
    workspace: directory,
    sessionId: log.id,
    sessionDirectory: path.join(directory, "session"),
    systemPrompt: "You are a coding agent under test.",
    model: kernel.resolveModel(options.model, SIM_GATEWAY),
    gateway: SIM_GATEWAY,
    recorder: log,
    maxOutputTokens: 8000,
    ...(options.history ? { history: options.history } : {}),
  });
  return {
    agent,
    kernel,
    log,
    feed,
    records: () => readSessionFile(log.file).records,
    close() {
      log.close();
      rmSync(directory, { recursive: true, force: true });
    },
  };
}

/** A summary request: the transcript form (no tools) or a continuation of the session's prefix (the brief's instructions last). */
export function isSummaryRequest(request: RecordedRequest): boolean {
  const body = request.body as { tools?: unknown[]; messages?: Array<{ content?: unknown }> };
  const last = body.messages?.at(-1)?.content;
  return !Array.isArray(body.tools) || body.tools.length === 0 || (typeof last === "string" && last.includes(SUMMARY_PROMPT_OPENING));
}

/** Local tokens of the request the agent would send next. */
export function nextRequestTokens(agent: Agent): number {
  const request = agent.baseRequest();
  return agent.tokens.countMessages(request.messages) + agent.tokens.countTools(request.tools);
}
