import { type GatewaySim, startGatewaySim } from "@bridle/gateway-sim";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { ChatRequest } from "../chat.js";
import { HarnessError } from "../errors/harness-error.js";
import { defineGateway } from "../gateways/define-gateway.js";
import { GatewayRegistry } from "../gateways/gateway-registry.js";
import { type CanonicalModelId, ModelRegistry } from "../model-registry.js";
import { GatewayTransport } from "./gateway-transport.js";
import type { StreamDelta } from "./stream-assembler.js";

const PROFILES = ["fireworks", "groq", "openrouter", "deepseek", "moonshot", "cerebras"] as const;
const KIMI = "kimi-k2-0905" as CanonicalModelId;

let sim: GatewaySim;
let environment: NodeJS.ProcessEnv;
let gateways: GatewayRegistry;
let models: ModelRegistry;

beforeAll(async () => {
  sim = await startGatewaySim({ profiles: [...PROFILES] });
  gateways = new GatewayRegistry();
  // Generic definitions over the simulator's profiles; only where a profile puts usage is told.
  for (const profile of PROFILES) {
    const response = profile === "moonshot" ? { usagePaths: ["choices.0.usage"] } : undefined;
    gateways.define(
      defineGateway({ id: profile, name: profile, baseURL: sim.baseURL(profile), apiKeyEnv: `${profile.toUpperCase()}_API_KEY`, ...(response ? { response } : {}) }),
      { kind: "plugin", plugin: "test" },
    );
  }
  environment = {
    FIREWORKS_API_KEY: sim.apiKey("fireworks"),
    GROQ_API_KEY: sim.apiKey("groq"),
    OPENROUTER_API_KEY: sim.apiKey("openrouter"),
    DEEPSEEK_API_KEY: sim.apiKey("deepseek"),
    MOONSHOT_API_KEY: sim.apiKey("moonshot"),
    CEREBRAS_API_KEY: sim.apiKey("cerebras"),
  };
  models = new ModelRegistry();
  models.define({
    id: KIMI,
    family: "kimi",
    contextWindow: 262_144,
    maxOutputTokens: 16_384,
    toolCalls: true,
    reasoning: "none",
    reasoningReplay: "drop",
    gateways: {
      fireworks: { slug: "accounts/fireworks/models/kimi-k2-instruct-0905" },
      groq: { slug: "moonshotai/kimi-k2-instruct-0905" },
      openrouter: { slug: "moonshotai/kimi-k2-0905" },
      moonshot: { slug: "kimi-k2-0905-preview" },
    },
  });
  models.define({ id: "deepseek-v3.2", family: "deepseek", contextWindow: 131_072, maxOutputTokens: 8_192, toolCalls: true, reasoning: "optional", reasoningReplay: "tool-turns", gateways: { deepseek: { slug: "deepseek-reasoner" } } });
});
afterAll(() => sim.close());
beforeEach(() => {
  sim.setScenario({ steps: [] });
  sim.requests.clear();
});

function request(gateway: string, model: string = KIMI, extra: Partial<ChatRequest> = {}): ChatRequest {
  return {
    model,
    gateway,
    messages: [
      { role: "system", content: "You are a coding agent." },
      { role: "user", content: "Say hello." },
    ],
    tools: [{ name: "read", description: "Read a file", parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] } }],
    maxOutputTokens: 256,
    body: {},
    headers: {},
    ...extra,
  };
}

function transport(overrides: Partial<ConstructorParameters<typeof GatewayTransport>[0]> = {}) {
  return new GatewayTransport({ gateways, models, environment, ...overrides });
}

const send = (gateway: string, model?: string, extra?: Partial<ChatRequest>, deltas?: StreamDelta[], idleTimeoutMs?: number) =>
  transport(idleTimeoutMs ? { idleTimeoutMs } : {}).send(request(gateway, model, extra), {
    signal: new AbortController().signal,
    ...(deltas ? { onDelta: (delta: StreamDelta) => deltas.push(delta) } : {}),
  });

describe("GatewayTransport over the simulator", () => {
  it("streams a complete answer from every gateway, under that gateway's slug and key", async () => {
    for (const gateway of ["fireworks", "groq", "openrouter", "moonshot"]) {
      sim.enqueue({ content: `hello from ${gateway}` });
      const deltas: StreamDelta[] = [];
      const response = await send(gateway, KIMI, {}, deltas);
      expect(response).toMatchObject({ gateway, model: KIMI, finishReason: "stop", message: { role: "assistant", content: `hello from ${gateway}` } });
      expect(response.usage?.inputTokens).toBeGreaterThan(0);
      expect(deltas.filter((delta) => delta.type === "text").map((delta) => (delta as { text: string }).text).join("")).toBe(`hello from ${gateway}`);
      const recorded = sim.requests.all().at(-1)!;
      expect(recorded.profile).toBe(gateway);
      expect(recorded.keyOwner).toBe(gateway);
      expect(recorded.model).toBe(models.slugFor(KIMI, gateway));
      expect((recorded.body as { max_tokens?: number }).max_tokens).toBe(256);
    }
  });

  it("never sends one gateway's key to another", async () => {
    sim.enqueue({ content: "a", repeat: 3 });
    await send("groq");
    await send("fireworks");
    for (const recorded of sim.requests.all()) expect(recorded.keyOwner).toBe(recorded.profile);
  });

  it("normalizes reasoning and tool calls streamed as deltas", async () => {
    sim.enqueue({ reasoning: "I should read the file first.", toolCalls: [{ id: "call_7", name: "read", arguments: '{"path":"src/a.ts"}' }] });
    const response = await send("deepseek", "deepseek-v3.2");
    expect(response.finishReason).toBe("tool_calls");
    expect(response.message.reasoning).toBe("I should read the file first.");
    expect(response.message.reasoningField).toBe("reasoning_content");
    expect(response.message.toolCalls).toEqual([{ id: "call_7", name: "read", arguments: '{"path":"src/a.ts"}' }]);
  });

  it("turns an overflow into a typed overflow error with the gateway's text", async () => {
    sim.enqueue({ error: { kind: "overflow" } });
    const error = await send("openrouter").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(HarnessError);
    expect(error).toMatchObject({ kind: "overflow", overflow: true, status: 400, gateway: "openrouter", retryable: false });
    expect((error as HarnessError).message).toMatch(/maximum context length is \d+ tokens/);
  });

  it("reads retry-after-ms on a 429", async () => {
    sim.enqueue({ error: { kind: "rate_limit", retryAfterMs: 1500 } });
    const error = await send("groq").catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "rate-limit", status: 429, retryable: true, retryAfterMs: 1500 });
  });

  it("summarizes an HTML error page instead of dumping it", async () => {
    sim.enqueue({ error: { kind: "html", status: 502 } });
    const error = (await send("fireworks").catch((caught: unknown) => caught)) as HarnessError;
    expect(error).toMatchObject({ status: 502, retryable: true });
    expect(error.message).not.toMatch(/<html|<body/i);
    expect(error.message).toContain("fireworks");
  });

  it("names an HTML answer a non-JSON response from the host, with its status; only a retryable status is retryable", async () => {
    const host = new URL(sim.baseURL("fireworks")).host;
    sim.enqueue({ error: { kind: "html", status: 502 } });
    const page = (await send("fireworks").catch((caught: unknown) => caught)) as HarnessError;
    expect(page).toMatchObject({ status: 502, retryable: true });
    expect(page.message).toMatch(new RegExp(`^fireworks: non-JSON response from ${host.replace(/\./g, "\\.")} \\(status 502, text/html\\): 502 Bad Gateway`));
    sim.enqueue({ error: { kind: "http", status: 200, headers: { "content-type": "text/html" }, body: `<html><body>Sign in to the Wi-Fi with ${environment.FIREWORKS_API_KEY}</body></html>` } });
    const portal = (await send("fireworks").catch((caught: unknown) => caught)) as HarnessError;
    expect(portal).toBeInstanceOf(HarnessError);
    expect(portal).toMatchObject({ kind: "http", status: 200, retryable: false });
    expect(portal.message).toContain(`non-JSON response from ${host} (status 200, text/html): Sign in to the Wi-Fi`);
    sim.enqueue({ error: { kind: "html", status: 403 } });
    expect(await send("fireworks").catch((caught: unknown) => caught)).toMatchObject({ status: 403, retryable: false });
  });

  it("redacts the snippet of a non-JSON answer", async () => {
    const key = environment.FIREWORKS_API_KEY!;
    sim.enqueue({ error: { kind: "http", status: 200, headers: { "content-type": "text/html" }, body: `<p>key ${key} rejected</p>` } });
    const error = (await transport({ redact: (text) => text.replaceAll(key, "[redacted]") }).send(request("fireworks"), { signal: new AbortController().signal }).catch((caught: unknown) => caught)) as HarnessError;
    expect(error.message).toContain("key [redacted] rejected");
    expect(error.message).not.toContain(key);
  });

  it("classifies an in-stream error event by the status it names: 402 and 400 are final, 429 and 502 retryable", async () => {
    for (const [status, retryable] of [[402, false], [400, false], [429, true], [502, true]] as const) {
      sim.enqueue({ content: "an answer that the upstream breaks off", stream: { chunkChars: 6, errorAfterChunks: { after: 2, status, message: `upstream said ${status}` } } });
      const error = (await send("openrouter").catch((caught: unknown) => caught)) as HarnessError;
      expect(error).toBeInstanceOf(HarnessError);
      expect(error).toMatchObject({ status, retryable });
      expect(error.message).toMatch(new RegExp(`^openrouter sent an error \\(${status}\\) in the stream.*upstream said ${status}`));
    }
    // No status in the payload: a stream error, retried.
    sim.enqueue({ content: "an answer that breaks off", stream: { errorAfterChunks: { after: 1, status: 200, message: "something broke" } } });
    expect(await send("openrouter").catch((caught: unknown) => caught)).toMatchObject({ kind: "stream", status: undefined, retryable: true });
  });

  it("treats a cut connection and a stream without a finish reason as retryable errors", async () => {
    sim.enqueue({ content: "a long answer that will be cut off in the middle", stream: { chunkChars: 4, disconnectAfterChunks: 3 } });
    const cut = await send("groq").catch((caught: unknown) => caught);
    expect(cut).toMatchObject({ retryable: true });
    expect(["stream", "network"]).toContain((cut as HarnessError).kind);

    sim.enqueue({ content: "no ending", finishReason: "", stream: { omitDone: true } });
    const unfinished = await send("groq").catch((caught: unknown) => caught);
    expect(unfinished).toMatchObject({ kind: "stream", retryable: true });
    expect((unfinished as HarnessError).message).toMatch(/without a finish reason/);
  });

  it("reports a malformed SSE event as a retryable error without printing its raw text to the console", async () => {
    const printed = vi.spyOn(console, "error").mockImplementation(() => {});
    try {
      sim.enqueue({ content: "text before a broken event", stream: { chunkChars: 6, insertRaw: [{ afterChunk: 1, text: 'data: {"choices": [{"delta": {"content": "secret-ish' + "\n\n" }] } });
      const error = await send("groq").catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(HarnessError);
      expect(error).toMatchObject({ retryable: true });
      expect(printed).not.toHaveBeenCalled();
    } finally {
      printed.mockRestore();
    }
  });

  it("gives up on an idle stream", async () => {
    sim.enqueue({ content: "slow", stream: { firstByteDelayMs: 1_000 } });
    const error = await send("groq", KIMI, {}, undefined, 150).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "timeout", retryable: true });
  });

  it("says which variable to set when a gateway has no key", async () => {
    const error = await transport({ environment: {} })
      .send(request("groq"), { signal: new AbortController().signal })
      .catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "auth", retryable: false });
    expect((error as Error).message).toContain("GROQ_API_KEY");
  });

  it("sends to the endpoint a request names, with the gateway's key, and refuses one the gateway does not list", async () => {
    const registry = new GatewayRegistry();
    registry.define(
      defineGateway({ id: "twin", name: "Twin", baseURL: "http://127.0.0.1:9/v1", apiKeyEnv: "GROQ_API_KEY", endpoints: [{ id: "node-b", baseURL: sim.baseURL("groq") }] }),
      { kind: "plugin", plugin: "test" },
    );
    const twinModels = new ModelRegistry();
    twinModels.define({ ...models.get(KIMI)!, gateways: { twin: { slug: "moonshotai/kimi-k2-instruct-0905" } } });
    sim.enqueue({ content: "from node b" });
    const twin = new GatewayTransport({ gateways: registry, models: twinModels, environment });
    const response = await twin.send(request("twin", KIMI, { endpoint: { id: "node-b", baseURL: sim.baseURL("groq") } }), { signal: new AbortController().signal });
    expect(response.message.content).toBe("from node b");
    expect(sim.requests.all().at(-1)).toMatchObject({ profile: "groq", keyOwner: "groq" });
    const elsewhere = await twin.send(request("twin", KIMI, { endpoint: { id: "node-b", baseURL: "http://127.0.0.1:1/v1" } }), { signal: new AbortController().signal }).catch((caught: unknown) => caught);
    expect(elsewhere).toMatchObject({ kind: "auth", retryable: false });
    expect(sim.requests.all()).toHaveLength(1);
  });

  it("turns a 200 whose usage is above the window into an overflow where the definition says the gateway overflows silently", async () => {
    const registry = new GatewayRegistry();
    registry.define(defineGateway({ id: "quiet", name: "Quiet", baseURL: sim.baseURL("groq"), apiKeyEnv: "GROQ_API_KEY", overflow: { silent: true } }), { kind: "plugin", plugin: "test" });
    const tiny = new ModelRegistry();
    tiny.define({ id: KIMI, family: "kimi", contextWindow: 10, maxOutputTokens: 16, toolCalls: true, reasoning: "none", reasoningReplay: "drop", gateways: { quiet: { slug: "moonshotai/kimi-k2-instruct-0905" } } });
    sim.enqueue({ content: "an answer to a prompt that did not fit" });
    const error = await new GatewayTransport({ gateways: registry, models: tiny, environment }).send(request("quiet"), { signal: new AbortController().signal }).catch((caught: unknown) => caught);
    expect(error).toMatchObject({ kind: "overflow", overflow: true });
    expect((error as Error).message).toMatch(/prompt tokens for a 10-token window/);
  });

  it("answers a rejected field once, reports it on the feed, and sends it no more", async () => {
    const events: Array<{ type: string }> = [];
    const picky = new GatewayTransport({ gateways, models, environment, emit: (event) => events.push(event) });
    const rejection = { status: 400, body: { error: { message: "Unrecognized request argument supplied: temperature" } } };
    sim.enqueue({ error: { kind: "http", ...rejection } }, { content: "ok" }, { content: "ok again" });
    const response = await picky.send(request("groq", KIMI, { temperature: 0.2 }), { signal: new AbortController().signal });
    expect(response.message.content).toBe("ok");
    await picky.send(request("groq", KIMI, { temperature: 0.2 }), { signal: new AbortController().signal });
    const bodies = sim.requests.completions().map((recorded) => recorded.body as Record<string, unknown>);
    expect(bodies.map((body) => "temperature" in body)).toEqual([true, false, false]);
    expect(events.map((event) => event.type)).toEqual(["gateway.negotiated"]);
  });

  it("sends past reasoning under the other name once a gateway refuses the one in the messages", async () => {
    const glm = "glm-4.6" as CanonicalModelId;
    const registry = new ModelRegistry();
    registry.define({ id: glm, family: "glm", contextWindow: 131_072, maxOutputTokens: 8_192, toolCalls: true, reasoning: "always", reasoningReplay: "tool-turns", gateways: { cerebras: { slug: "zai-glm-4.6" } } });
    const history = request("cerebras", glm, {
      messages: [
        { role: "user", content: "Read a.txt" },
        { role: "assistant", content: null, reasoning: "Read it first.", reasoningField: "reasoning_content", toolCalls: [{ id: "call_1", name: "read", arguments: '{"path":"a.txt"}' }] },
        { role: "tool", toolCallId: "call_1", content: "alpha" },
      ],
    });
    sim.enqueue({ content: "It says alpha." });
    const response = await new GatewayTransport({ gateways, models: registry, environment }).send(history, { signal: new AbortController().signal });
    expect(response.message.content).toBe("It says alpha.");
    const sent = sim.requests.completions().map((recorded) => (recorded.body as { messages: Array<Record<string, unknown>> }).messages[1]);
    expect(sim.requests.completions().map((recorded) => recorded.outcome)).toEqual(["rejected", "reply"]);
    expect(sent[0]).toMatchObject({ reasoning_content: "Read it first." });
    expect(sent[1]).toMatchObject({ reasoning: "Read it first." });
    expect(sent[1]).not.toHaveProperty("reasoning_content");
  });

  it("cancels when the signal aborts", async () => {
    sim.enqueue({ content: "slow answer", stream: { chunkChars: 2, chunkDelayMs: 50 } });
    const controller = new AbortController();
    const pending = transport().send(request("groq"), { signal: controller.signal });
    setTimeout(() => controller.abort(), 80);
    await expect(pending).rejects.toMatchObject({ kind: "aborted" });
  });
});
