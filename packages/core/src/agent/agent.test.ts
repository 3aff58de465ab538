import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type GatewaySim, startGatewaySim } from "@bridle/gateway-sim";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createKernel } from "../create-kernel.js";
import { definePlugin } from "../define-plugin.js";
import { defineGateway } from "../gateways/define-gateway.js";
import { GatewayRegistry } from "../gateways/gateway-registry.js";
import type { CanonicalModelId } from "../model-registry.js";
import { readSessionFile } from "../session/read-session-file.js";
import { SessionLog } from "../session/session-log.js";
import { Stage } from "../stage.js";
import type { Tool } from "../tool.js";
import { GatewayTransport } from "../transport/gateway-transport.js";
import { Agent, type AgentOptions } from "./agent.js";
import type { AgentEvent } from "./agent-event.js";

const SLUG = "moonshotai/kimi-k2-instruct-0905";
let sim: GatewaySim;
let workspace: string;

beforeAll(async () => {
  sim = await startGatewaySim({ profiles: ["groq"] });
});
afterAll(() => sim.close());
beforeEach(() => {
  workspace = mkdtempSync(path.join(tmpdir(), "bridle-agent-"));
  sim.setScenario({ steps: [] });
  sim.requests.clear();
});
afterEach(() => rmSync(workspace, { recursive: true, force: true }));

/** Small real tools over the temp workspace, timing their runs to check parallelism. */
function workspaceTools(spans: Array<{ name: string; start: number; end: number }>): Tool[] {
  const timed = async <T>(name: string, run: () => Promise<T>) => {
    const start = performance.now();
    const result = await run();
    spans.push({ name, start, end: performance.now() });
    return result;
  };
  const readParameters = z.object({ path: z.string() });
  const writeParameters = z.object({ path: z.string(), content: z.string() });
  return [
    {
      name: "read",
      description: "Read a file",
      kind: "read",
      parameters: readParameters,
      jsonSchema: z.toJSONSchema(readParameters),
      run: (args: z.infer<typeof readParameters>) =>
        timed("read", async () => {
          await new Promise((resolve) => setTimeout(resolve, 60));
          return { content: readFileSync(path.join(workspace, args.path), "utf8") };
        }),
    } as Tool,
    {
      name: "write",
      description: "Write a file",
      kind: "edit",
      parameters: writeParameters,
      jsonSchema: z.toJSONSchema(writeParameters),
      run: (args: z.infer<typeof writeParameters>) =>
        timed("write", async () => {
          writeFileSync(path.join(workspace, args.path), args.content);
          return { content: `wrote ${args.path}` };
        }),
    } as Tool,
  ];
}

function createAgent(overrides: Partial<AgentOptions> = {}, plugins: Parameters<typeof createKernel>[0]["plugins"] = []) {
  const kernel = createKernel({ plugins });
  const gateways = new GatewayRegistry();
  gateways.define(defineGateway({ id: "groq", name: "Groq", baseURL: sim.baseURL("groq"), apiKeyEnv: "GROQ_API_KEY" }), { kind: "plugin", plugin: "test" });
  const log = SessionLog.create({ directory: workspace, workspace, model: SLUG, gateway: "groq" });
  const agent = new Agent({
    kernel,
    sender: new GatewayTransport({ gateways, models: kernel.models, environment: { GROQ_API_KEY: sim.apiKey("groq") } }),
    tools: workspaceTools([]),
    workspace,
    sessionId: log.id,
    sessionDirectory: path.join(workspace, "session"),
    systemPrompt: "You are a test agent.",
    model: { input: SLUG, id: SLUG as CanonicalModelId, known: false },
    gateway: "groq",
    recorder: log,
    ...overrides,
  });
  return { agent, log, kernel };
}

function collect() {
  const events: AgentEvent[] = [];
  return { events, onEvent: (event: AgentEvent) => events.push(event), signal: new AbortController().signal };
}

describe("Agent", () => {
  it("runs a multi-step task: tools run after complete messages, results pair with their calls", async () => {
    writeFileSync(path.join(workspace, "a.txt"), "alpha");
    sim.setScenario({
      steps: [
        { when: { lastRole: "user" }, toolCalls: [{ id: "functions.read:0", name: "read", arguments: '{"path":"a.txt"}' }] },
        { when: { lastRole: "tool" }, toolCalls: [{ id: "functions.write:1", name: "write", arguments: '{"path":"b.txt","content":"beta"}' }] },
        { when: { lastRole: "tool" }, content: "Copied." },
      ],
    });
    const { agent, log } = createAgent();
    const run = collect();
    const result = await agent.runTurn("copy a.txt to b.txt", run);
    log.close();
    expect(result.reason).toBe("stop");
    expect(readFileSync(path.join(workspace, "b.txt"), "utf8")).toBe("beta");
    expect(agent.messages.map((message) => message.role)).toEqual(["user", "assistant", "tool", "assistant", "tool", "assistant"]);
    expect(agent.messages[2]).toMatchObject({ role: "tool", toolCallId: "functions.read:0", content: "alpha" });
    expect(run.events.map((event) => event.type)).toContain("tool_result");
    expect(run.events.at(-1)).toMatchObject({ type: "done", reason: "stop" });

    const { records } = readSessionFile(log.file);
    const types = records.map((record) => record.type);
    expect(types.filter((type) => type === "tool_start")).toHaveLength(2);
    expect(types.indexOf("tool_start")).toBeLessThan(types.lastIndexOf("message"));
    const sent = sim.requests.all();
    expect(sent).toHaveLength(3);
    const lastMessages = (sent[2]!.body as { messages: Array<{ role: string; tool_call_id?: string }> }).messages;
    expect(lastMessages.filter((message) => message.role === "tool").map((message) => message.tool_call_id)).toEqual(["functions.read:0", "functions.write:1"]);
  });

  it("waits for late tools before the first request, adds them after the others, and keeps them for the session", async () => {
    sim.setScenario({
      steps: [
        { when: { lastRole: "user", lastUserContains: "first" }, toolCalls: [{ name: "late_echo", arguments: '{"text":"hi"}' }] },
        { when: { lastRole: "tool" }, content: "Echoed." },
        { when: { lastUserContains: "second" }, content: "Again." },
      ],
    });
    const parameters = z.object({ text: z.string() });
    const late: Tool = { name: "late_echo", description: "Echo", kind: "execute", parameters, jsonSchema: z.toJSONSchema(parameters), run: async (args) => ({ content: `echo ${(args as { text: string }).text}` }) };
    let release!: (tools: Tool[]) => void;
    const lateTools = new Promise<Tool[]>((resolve) => (release = resolve));
    const { agent, log } = createAgent({ lateTools });
    const turn = agent.runTurn("first", collect());
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(sim.requests.all()).toHaveLength(0);
    release([late]);
    expect((await turn).reason).toBe("stop");
    expect((await agent.runTurn("second", collect())).reason).toBe("stop");
    log.close();
    const offered = sim.requests.all().map((request) => (request.body as { tools: Array<{ function: { name: string } }> }).tools.map((tool) => tool.function.name));
    expect(offered[0]).toEqual(["read", "write", "late_echo"]);
    expect(offered.every((names) => JSON.stringify(names) === JSON.stringify(offered[0]))).toBe(true);
    expect(agent.messages[2]).toMatchObject({ role: "tool", content: "echo hi" });
  });

  it("goes on with the tools it has when late tools fail", async () => {
    sim.setScenario({ steps: [{ content: "Fine." }] });
    const { agent, log } = createAgent({ lateTools: Promise.reject(new Error("servers down")) });
    expect((await agent.runTurn("hello", collect())).reason).toBe("stop");
    log.close();
    expect((sim.requests.all()[0]!.body as { tools: unknown[] }).tools).toHaveLength(2);
  });

  it("runs parallel reads together and keeps results in call order", async () => {
    writeFileSync(path.join(workspace, "a.txt"), "A");
    writeFileSync(path.join(workspace, "b.txt"), "B");
    sim.setScenario({
      steps: [
        {
          when: { lastRole: "user" },
          toolCalls: [
            { id: "c1", name: "read", arguments: '{"path":"a.txt"}' },
            { id: "c2", name: "read", arguments: '{"path":"b.txt"}' },
          ],
        },
        { when: { lastRole: "tool" }, content: "Both read." },
      ],
    });
    const spans: Array<{ name: string; start: number; end: number }> = [];
    const { agent, log } = createAgent({ tools: workspaceTools(spans) });
    await agent.runTurn("read both", collect());
    log.close();
    expect(spans).toHaveLength(2);
    expect(spans[0]!.start).toBeLessThan(spans[1]!.end);
    expect(spans[1]!.start).toBeLessThan(spans[0]!.end);
    expect(agent.messages.filter((message) => message.role === "tool").map((message) => (message.role === "tool" ? message.content : ""))).toEqual(["A", "B"]);
  });

  it("stops a doom loop: the same failing call three times ends the turn with a summary", async () => {
    sim.setScenario({ steps: [{ repeat: true, toolCalls: [{ name: "read", arguments: '{"path":"missing.txt"}' }] }] });
    const { agent, log } = createAgent();
    const result = await agent.runTurn("read it", collect());
    log.close();
    expect(result.reason).toBe("doom-loop");
    expect(result.message).toMatch(/same call to read failed 3 times/);
    expect(sim.requests.all()).toHaveLength(3);
  });

  it("lets onError decide: a retry plugin turns a 429 into a second request", async () => {
    sim.setScenario({ steps: [{ error: { kind: "rate_limit", retryAfterMs: 20 } }, { content: "ok after retry" }] });
    const retry = definePlugin({
      name: "retry-once",
      description: "retries rate limits",
      options: z.object({}),
      apply(kernel) {
        kernel.hooks.onError.tapPromise({ name: "retry-once", stage: Stage.DEFAULT }, async (error, context) =>
          error.kind === "rate-limit" && context.attempt === 0 ? { action: "retry", delayMs: error.retryAfterMs ?? 0, reason: "rate limited" } : undefined,
        );
      },
    });
    const { agent, log } = createAgent({}, [{ plugin: retry }]);
    const run = collect();
    const result = await agent.runTurn("hi", run);
    log.close();
    expect(result.reason).toBe("stop");
    expect(sim.requests.all().map((request) => request.status)).toEqual([429, 200]);
    expect(run.events).toContainEqual(expect.objectContaining({ type: "feed", event: expect.objectContaining({ type: "request.retry" }) }));
  });

  it("without a recovery, ends the turn with an error naming the gateway and status", async () => {
    sim.setScenario({ steps: [{ error: { kind: "http", status: 400, body: { error: { message: "bad tool schema" } } } }] });
    const { agent, log } = createAgent();
    const run = collect();
    const result = await agent.runTurn("hi", run);
    log.close();
    expect(result.reason).toBe("error");
    expect(run.events).toContainEqual(expect.objectContaining({ type: "error", gateway: "groq", status: 400 }));
    expect(sim.requests.all()).toHaveLength(1);
  });

  it("on Ctrl-C mid-stream, keeps the user message, logs the interruption and runs no tool", async () => {
    sim.setScenario({ steps: [{ content: "a slow answer ".repeat(20), stream: { chunkChars: 3, chunkDelayMs: 20 } }] });
    const { agent, log } = createAgent();
    const controller = new AbortController();
    const pending = agent.runTurn("tell me a story", { signal: controller.signal, onEvent: () => {} });
    setTimeout(() => controller.abort(), 120);
    const result = await pending;
    expect(result.reason).toBe("aborted");
    const { records } = readSessionFile(log.file);
    log.close();
    expect(records).toContainEqual(expect.objectContaining({ type: "message", message: { role: "user", content: "tell me a story" } }));
    expect(records).toContainEqual(expect.objectContaining({ type: "interrupted" }));
    expect(records.some((record) => record.type === "message" && record.message.role === "assistant")).toBe(false);
  });

  it("returns a denied permission to the model as a tool error without running the tool", async () => {
    sim.setScenario({
      steps: [
        { when: { lastRole: "user" }, toolCalls: [{ name: "write", arguments: '{"path":"x.txt","content":"x"}' }] },
        { when: { lastRole: "tool" }, content: "I was not allowed." },
      ],
    });
    const { agent, log } = createAgent({ authorize: async () => ({ allowed: false, reason: "edits need approval" }) });
    await agent.runTurn("write x", collect());
    log.close();
    expect(() => readFileSync(path.join(workspace, "x.txt"))).toThrow();
    expect(agent.messages[2]).toMatchObject({ role: "tool", isError: true, content: expect.stringContaining("edits need approval") });
  });

  it("answers each part of a call a plugin split in two under its own id", async () => {
    writeFileSync(path.join(workspace, "a.txt"), "A");
    writeFileSync(path.join(workspace, "b.txt"), "B");
    sim.setScenario({
      steps: [
        { when: { lastRole: "user" }, toolCalls: [{ id: "call_9", name: "read", arguments: '{"path":"a.txt"}{"path":"b.txt"}' }] },
        { when: { lastRole: "tool" }, content: "Read both." },
      ],
    });
    const splitter = definePlugin({
      name: "splitter",
      description: "splits concatenated objects",
      options: z.object({}),
      apply(kernel) {
        kernel.hooks.onToolCall.tapPromise({ name: "splitter", stage: Stage.REPAIR }, async (event) => ({
          ...event,
          status: "runnable",
          repairs: ["split-concatenated-objects"],
          calls: [
            { id: event.raw.id, name: "read", arguments: { path: "a.txt" } },
            { id: `${event.raw.id}#1`, name: "read", arguments: { path: "b.txt" } },
          ],
        }));
      },
    });
    const { agent, log } = createAgent({}, [{ plugin: splitter }]);
    await agent.runTurn("read both", collect());
    log.close();
    const sent = (sim.requests.all().at(-1)!.body as { messages: Array<{ role: string; tool_call_id?: string; tool_calls?: Array<{ id: string }> }> }).messages;
    const assistant = sent.find((message) => message.role === "assistant")!;
    expect(assistant.tool_calls!.map((call) => call.id)).toEqual(["call_9", "call_9#1"]);
    expect(sent.filter((message) => message.role === "tool").map((message) => message.tool_call_id)).toEqual(["call_9", "call_9#1"]);
  });

  it("sends a side request through beforeRequest with its purpose, so gateway shaping applies to it too", async () => {
    const purposes: Array<string | undefined> = [];
    const summarizer = definePlugin({
      name: "summarizer",
      description: "summarizes on /compact through the side channel",
      options: z.object({}),
      apply(kernel) {
        kernel.hooks.beforeRequest.tapPromise({ name: "summarizer", stage: Stage.ROUTE }, async (request) => {
          purposes.push(request.purpose);
          return { ...request, body: { ...request.body, seen_by_route: true } };
        });
        kernel.hooks.compact.tapPromise("summarizer", async (_request, context) => {
          const response = await context.complete({ model: context.model.id, gateway: context.gateway, messages: [{ role: "user", content: "Summarize." }], tools: [], maxOutputTokens: 64, body: {}, headers: {} });
          return { tokensBefore: 10, tokensAfter: 2, message: response.message.content ?? "" };
        });
      },
    });
    sim.setScenario({ steps: [{ when: { lastRole: "user" }, content: "A summary." }] });
    const { agent, log } = createAgent({}, [{ plugin: summarizer }]);
    const result = await agent.compact();
    log.close();
    expect(result?.message).toBe("A summary.");
    expect(purposes).toEqual(["summary"]);
    expect(sim.requests.completions().at(-1)?.body).toMatchObject({ seen_by_route: true });
  });
});
