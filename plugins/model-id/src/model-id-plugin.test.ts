import {
  type ChatRequest,
  ConfigError,
  createKernel,
  type FeedEvent,
  HarnessError,
  type Kernel,
  type ResolvedModel,
  type TurnContext,
} from "@bridle/core";
import { createTestContext } from "@bridle/core/testing";
import { describe, expect, it } from "vitest";
import { modelIdPlugin } from "./model-id-plugin.js";
import { slugTestGateways } from "../test/slug-test-gateways.js";

function kernelWith(options: Record<string, unknown> = {}): Kernel {
  return createKernel({ plugins: [{ plugin: modelIdPlugin, options, source: "test config" }] });
}

function turnContext(kernel: Kernel, model: ResolvedModel, gateway: string, events: FeedEvent[]): TurnContext {
  return createTestContext({ model, gateway, models: kernel.models, emit: (event) => events.push(event) });
}

function request(model: ResolvedModel, gateway: string): ChatRequest {
  return { model: model.id, gateway, messages: [], tools: [], maxOutputTokens: 1024, body: {}, headers: {} };
}

describe("model-id plugin: the resolveModel funnel", () => {
  it("turns any gateway spelling into the canonical id, with serving details", () => {
    const kernel = kernelWith();
    expect(kernel.resolveModel("accounts/fireworks/routers/kimi-k2p6-turbo", "fireworks")).toMatchObject({
      input: "accounts/fireworks/routers/kimi-k2p6-turbo",
      id: "kimi-k2.6",
      known: true,
      servingTier: "turbo",
    });
    expect(kernel.resolveModel("openai/gpt-oss-120b:free", "openrouter")).toMatchObject({ id: "gpt-oss-120b", variant: "free" });
  });

  it("fills the registry so a 1M model keeps its 1M window through any slug", () => {
    const kernel = kernelWith();
    const model = kernel.resolveModel("deepseek-ai/DeepSeek-V4-Flash", "deepinfra");
    expect(kernel.models.limits(model.id, "deepinfra")).toMatchObject({ contextWindow: 1_000_000, source: "registry" });
    const smaller = kernel.resolveModel("deepseek-ai/DeepSeek-V4-Pro", "together");
    expect(kernel.models.limits(smaller.id, "together")).toMatchObject({ contextWindow: 512_000, source: "gateway" });
  });

  it("installs the slug rule the transport uses, spelling slugs by each gateway's conventions", () => {
    const kernel = createKernel({ plugins: [{ plugin: slugTestGateways }, { plugin: modelIdPlugin }] });
    const model = kernel.resolveModel("kimi-k2.6");
    expect(kernel.models.slugFor(model.id, "prefixed")).toBe("accounts/acme/models/kimi-k2p6");
    expect(kernel.models.slugFor(model.id, "hub")).toBe("moonshotai/Kimi-K2.6");
    expect(kernel.models.slugFor(model.id, "no-such-gateway")).toBe("kimi-k2.6");
  });

  it("knows the reasoning-replay policies", () => {
    const kernel = kernelWith();
    expect(kernel.models.get(kernel.resolveModel("deepseek-v4-pro").id)).toMatchObject({ reasoningReplay: "all-turns" });
    expect(kernel.models.get(kernel.resolveModel("moonshotai/Kimi-K2-Thinking").id)).toMatchObject({
      reasoningReplay: "tool-turns",
      replayRejectsEmpty: true,
    });
  });
});

describe("model-id plugin: user entries", () => {
  it("adds a model the snapshot lacks, keyed by any spelling", () => {
    const kernel = kernelWith({ models: { "acme/Coder-7B-Turbo": { contextWindow: 65_536, toolCalls: false } } });
    const model = kernel.resolveModel("coder-7b-turbo");
    expect(model).toMatchObject({ id: "coder-7b", known: true });
    expect(kernel.models.get(model.id)).toMatchObject({ contextWindow: 65_536, toolCalls: false });
  });

  it("overrides a snapshot model, per gateway too", () => {
    const kernel = kernelWith({
      models: { "accounts/fireworks/models/kimi-k2p6": { maxOutputTokens: 16_000, gateways: { openrouter: { contextWindow: 100_000 } } } },
    });
    const model = kernel.resolveModel("moonshotai/kimi-k2.6", "openrouter");
    expect(kernel.models.limits(model.id, "openrouter")).toEqual({ contextWindow: 100_000, maxOutputTokens: 16_000, source: "gateway" });
    expect(kernel.models.get(model.id)?.contextWindow).toBe(262_144);
  });

  it("takes a model's prices, kept with the snapshot's facts", () => {
    const kernel = kernelWith({ models: { "openai/gpt-oss-120b": { pricing: { input: 0.15, output: 0.6, cachedInput: 0.075 } } } });
    const model = kernel.resolveModel("openai/gpt-oss-120b", "groq");
    expect(kernel.models.get(model.id)).toMatchObject({ contextWindow: 131_072, pricing: { input: 0.15, output: 0.6, cachedInput: 0.075 } });
    expect(() => kernelWith({ models: { "openai/gpt-oss-120b": { pricing: { input: 1 } } } })).toThrow(/plugins\.model-id/);
  });

  it("names the config key when a new model has no window", () => {
    expect(() => kernelWith({ models: { "acme/mystery": { toolCalls: true } } })).toThrow(ConfigError);
    expect(() => kernelWith({ models: { "acme/mystery": { toolCalls: true } } })).toThrow(/plugins\.model-id\.models\.acme\/mystery\.contextWindow/);
  });

  it("rejects unknown keys in an entry", () => {
    expect(() => kernelWith({ models: { "kimi-k2.6": { window: 1 } } })).toThrow(/plugins\.model-id/);
  });

  it("resolves user aliases such as a vLLM served-model-name", () => {
    const kernel = kernelWith({ aliases: { coder: "Qwen/Qwen3-Coder-30B-A3B-Instruct" } });
    expect(kernel.resolveModel("coder", "vllm")).toMatchObject({ id: "qwen3-coder-30b-a3b-instruct", known: true });
  });
});

describe("model-id plugin: learning windows from overflow errors", () => {
  it("records the stated window for that model and gateway, posts a feed event and decides nothing", async () => {
    const kernel = kernelWith();
    const model = kernel.resolveModel("deepseek/deepseek-v4-flash", "openrouter");
    const events: FeedEvent[] = [];
    const context = turnContext(kernel, model, "openrouter", events);
    const error = new HarnessError("context overflow", {
      kind: "overflow",
      gateway: "openrouter",
      model: model.id,
      status: 400,
      retryable: false,
      body: "This endpoint's maximum context length is 131072 tokens. However, you requested about 150000 tokens",
    });
    expect(await kernel.hooks.onError.promise(error, context)).toBeUndefined();
    expect(kernel.models.limits(model.id, "openrouter")).toMatchObject({ contextWindow: 131_072, source: "learned" });
    expect(kernel.models.limits(model.id, "deepseek")).toMatchObject({ contextWindow: 1_000_000 });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "model.window-learned", level: "info", data: { contextWindow: 131_072 } });

    await kernel.hooks.onError.promise(error, context);
    expect(events).toHaveLength(1);
  });

  it("can be turned off", async () => {
    const kernel = kernelWith({ learnFromOverflow: false });
    const model = kernel.resolveModel("glm-4.6", "zai");
    const events: FeedEvent[] = [];
    const error = new HarnessError("x", { kind: "overflow", gateway: "zai", model: model.id, retryable: false, body: "maximum context length is 9000 tokens" });
    await kernel.hooks.onError.promise(error, turnContext(kernel, model, "zai", events));
    expect(kernel.models.limits(model.id, "zai").source).toBe("registry");
    expect(events).toEqual([]);
  });
});

describe("model-id plugin: unknown models", () => {
  it("warns once per session, naming the id and the config key for its window", async () => {
    const kernel = kernelWith();
    const model = kernel.resolveModel("acme/Mystery-9B-Instruct", "my-gateway");
    expect(model).toMatchObject({ id: "mystery-9b-instruct", known: false });
    const events: FeedEvent[] = [];
    const context = turnContext(kernel, model, "my-gateway", events);
    await kernel.hooks.beforeRequest.promise(request(model, "my-gateway"), context);
    await kernel.hooks.beforeRequest.promise(request(model, "my-gateway"), context);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ type: "model.unknown", level: "warn" });
    expect(events[0]?.message).toContain('"mystery-9b-instruct"');
    expect(events[0]?.message).toContain('plugins["model-id"].models["mystery-9b-instruct"].contextWindow');
    expect(kernel.models.limits(model.id, "my-gateway").source).toBe("default");
  });

  it("warns when a session switches to an unknown model", async () => {
    const kernel = kernelWith();
    const known = kernel.resolveModel("kimi-k2.6");
    const unknown = kernel.resolveModel("acme/other-model");
    const events: FeedEvent[] = [];
    await kernel.hooks.onModelSwitch.promise(
      { from: { model: known.id, gateway: "moonshot" }, to: { model: unknown.id, gateway: "my-gateway" }, reason: "user" },
      turnContext(kernel, known, "moonshot", events),
    );
    expect(events.map((event) => event.type)).toEqual(["model.unknown"]);
  });

  it("stays quiet for known models and when turned off", async () => {
    const events: FeedEvent[] = [];
    const kernel = kernelWith();
    const known = kernel.resolveModel("kimi-k2.6");
    await kernel.hooks.beforeRequest.promise(request(known, "moonshot"), turnContext(kernel, known, "moonshot", events));
    const quiet = kernelWith({ warnUnknown: false });
    const unknown = quiet.resolveModel("acme/other-model");
    await quiet.hooks.beforeRequest.promise(request(unknown, "x"), turnContext(quiet, unknown, "x", events));
    expect(events).toEqual([]);
  });
});

describe("model-id plugin: dated snapshots", () => {
  it("resolves DashScope, Mistral and OpenAI-style dated forms to their own ids with the known model's limits", () => {
    const kernel = kernelWith({ models: { "gpt-4o": { contextWindow: 128_000, maxOutputTokens: 16_384 } } });
    const cases = [
      { input: "qwen3-coder-plus-2025-09-23", parent: "qwen3-coder-plus" },
      { input: "mistralai/mistral-medium-2507", parent: "mistral-medium-2505" },
      { input: "mistral-medium-25-09", parent: "mistral-medium-2508" },
      { input: "openai/gpt-oss-120b-2025-08-05", parent: "gpt-oss-120b" },
      { input: "gpt-4o-2024-08-06", parent: "gpt-4o" },
    ];
    for (const { input, parent } of cases) {
      const model = kernel.resolveModel(input, "dashscope");
      const parentId = kernel.resolveModel(parent).id;
      expect(model.id, input).not.toBe(parentId);
      expect(model.id, input).toMatch(/\d$/);
      expect(model.known, input).toBe(true);
      expect(kernel.models.get(model.id)?.snapshotOf, input).toBe(parentId);
      const limits = kernel.models.limits(model.id, "dashscope");
      expect(limits, input).toEqual(kernel.models.limits(parentId, "dashscope"));
      expect(limits.source).not.toBe("default");
    }
    expect(kernel.models.limits(kernel.resolveModel("qwen3-coder-plus-2025-09-23").id, "dashscope").contextWindow).toBe(1_048_576);
  });

  it("notes the inherited limits once per session, and still warns for an unknown dated model", async () => {
    const kernel = kernelWith();
    const events: FeedEvent[] = [];
    const model = kernel.resolveModel("qwen3-coder-plus-2025-09-23", "dashscope");
    const context = turnContext(kernel, model, "dashscope", events);
    await kernel.hooks.beforeRequest.promise(request(model, "dashscope"), context);
    await kernel.hooks.beforeRequest.promise(request(model, "dashscope"), context);
    expect(events.filter((event) => event.type === "model.snapshot")).toHaveLength(1);
    expect(events[0]?.message).toMatch(/qwen3-coder-plus-2025-09-23.*dated snapshot.*qwen3-coder-plus.*1,048,576/);

    const unknown = kernel.resolveModel("nobody-knows-2025-09-23", "dashscope");
    expect(unknown.known).toBe(false);
    const unknownEvents: FeedEvent[] = [];
    await kernel.hooks.beforeRequest.promise(request(unknown, "dashscope"), turnContext(kernel, unknown, "dashscope", unknownEvents));
    expect(unknownEvents.map((event) => event.type)).toEqual(["model.unknown"]);
  });
});
