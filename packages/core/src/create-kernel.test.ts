import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ChatRequest, TurnContext } from "./index.js";
import { type CanonicalModelId, ConfigError, createKernel, defineGateway, definePlugin, GatewayConflictError, PluginError, Stage } from "./index.js";
import { createTestContext } from "./testing/index.js";

const request: ChatRequest = {
  model: "kimi-k2",
  gateway: "sim",
  messages: [{ role: "user", content: "hi" }],
  tools: [],
  maxOutputTokens: 100,
  body: {},
  headers: {},
};

function turnContext(): TurnContext {
  return createTestContext({ model: "kimi-k2", gateway: "sim", messages: request.messages });
}

function orderPlugin(name: string, stage: number, order: string[]) {
  return definePlugin({
    name,
    description: `records ${name}`,
    options: z.object({}),
    apply(kernel) {
      kernel.hooks.beforeRequest.tapPromise({ name, stage }, async (value) => {
        order.push(name);
        return { ...value, body: { ...value.body, [name]: true } };
      });
    },
  });
}

describe("createKernel", () => {
  it("orders taps by stage, not by registration order", async () => {
    const order: string[] = [];
    const kernel = createKernel({
      plugins: [
        { plugin: orderPlugin("observer", Stage.OBSERVE, order) },
        { plugin: orderPlugin("gateway", Stage.GATEWAY, order) },
        { plugin: orderPlugin("compactor", Stage.COMPACT, order) },
        { plugin: orderPlugin("normalizer", Stage.NORMALIZE, order) },
        { plugin: orderPlugin("router", Stage.ROUTE, order) },
      ],
    });
    const result = await kernel.hooks.beforeRequest.promise(request, turnContext());
    expect(order).toEqual(["normalizer", "compactor", "router", "gateway", "observer"]);
    expect(Object.keys(result.body)).toEqual(order);
  });

  it("never applies a disabled plugin, so it has no taps", () => {
    const order: string[] = [];
    const kernel = createKernel({
      plugins: [
        { plugin: orderPlugin("first", Stage.DEFAULT, order), options: false },
        { plugin: orderPlugin("second", Stage.DEFAULT, order), options: { enabled: false } },
      ],
    });
    expect(kernel.hooks.beforeRequest.taps).toHaveLength(0);
    expect(kernel.plugins.map((plugin) => [plugin.name, plugin.enabled])).toEqual([
      ["first", false],
      ["second", false],
    ]);
  });

  it("turns an exception in a promise tap into a PluginError naming plugin and hook", async () => {
    const broken = definePlugin({
      name: "broken",
      description: "throws",
      options: z.object({}),
      apply(kernel) {
        kernel.hooks.afterResponse.tapPromise({ name: "broken-tap" }, async () => {
          throw new Error("boom");
        });
      },
    });
    const kernel = createKernel({ plugins: [{ plugin: broken }] });
    const response = { model: "m", gateway: "g", message: { role: "assistant" as const, content: "x" }, finishReason: "stop" as const };
    const failure = await kernel.hooks.afterResponse.promise(response, turnContext()).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(PluginError);
    expect(failure).toMatchObject({ plugin: "broken", hook: "afterResponse", code: "PLUGIN_ERROR" });
    expect((failure as PluginError).message).toContain("boom");
    expect((failure as PluginError).cause).toBeInstanceOf(Error);
  });

  it("turns an exception in a sync tap into a PluginError", () => {
    const broken = definePlugin({
      name: "bad-resolver",
      description: "throws while resolving",
      options: z.object({}),
      apply(kernel) {
        kernel.hooks.resolveModel.tap("resolve", () => {
          throw new TypeError("cannot resolve");
        });
      },
    });
    const kernel = createKernel({ plugins: [{ plugin: broken }] });
    expect(() => kernel.resolveModel("x")).toThrowError(PluginError);
    try {
      kernel.resolveModel("x");
    } catch (error) {
      expect(error).toMatchObject({ plugin: "bad-resolver", hook: "resolveModel" });
    }
  });

  it("rejects a promise tap that returns no promise, naming the plugin", async () => {
    const sloppy = definePlugin({
      name: "sloppy",
      description: "returns a value from tapPromise",
      options: z.object({}),
      apply(kernel) {
        kernel.hooks.onError.tapPromise("sloppy", (() => undefined) as never);
      },
    });
    const kernel = createKernel({ plugins: [{ plugin: sloppy }] });
    const failure = await kernel.hooks.onError.promise({} as never, turnContext()).catch((error: unknown) => error);
    expect(failure).toMatchObject({ plugin: "sloppy", hook: "onError" });
  });

  it("gives plugins hooks they can tap but not call", () => {
    let seen: Record<string, unknown> = {};
    const probe = definePlugin({
      name: "probe",
      description: "looks at its view",
      options: z.object({}),
      apply(kernel) {
        seen = kernel.hooks.beforeRequest as unknown as Record<string, unknown>;
        // @ts-expect-error plugins cannot call hooks
        void kernel.hooks.beforeRequest.promise;
        // @ts-expect-error plugins cannot intercept hooks
        void kernel.hooks.onEvent.intercept;
      },
    });
    createKernel({ plugins: [{ plugin: probe }] });
    expect(typeof seen.tapPromise).toBe("function");
    expect(seen.promise).toBeUndefined();
    expect(seen.call).toBeUndefined();
    expect(seen.intercept).toBeUndefined();
    expect(Object.isFrozen(seen)).toBe(true);
  });

  it("records each tap's time when tracing is on, and nothing when it is off", async () => {
    const order: string[] = [];
    const traced = createKernel({ plugins: [{ plugin: orderPlugin("timed", Stage.DEFAULT, order) }], trace: true });
    await traced.hooks.beforeRequest.promise(request, turnContext());
    await traced.hooks.beforeRequest.promise(request, turnContext());
    expect(traced.trace?.records).toHaveLength(2);
    expect(traced.trace?.records[0]).toMatchObject({ hook: "beforeRequest", plugin: "timed", tap: "timed" });
    expect(traced.trace?.summary()[0]).toMatchObject({ calls: 2 });
    expect(traced.trace?.format()).toContain("beforeRequest");
    const untraced = createKernel({ plugins: [{ plugin: orderPlugin("quiet", Stage.DEFAULT, order) }] });
    expect(untraced.trace).toBeUndefined();
  });

  it("validates plugin options and names the key path and what was expected", () => {
    const tuned = definePlugin({
      name: "tuned",
      description: "has options",
      options: z.object({ tier3: z.number().min(0).max(1).default(0.9).describe("Tier 3 threshold.") }),
      apply() {},
    });
    const attempt = () => createKernel({ plugins: [{ plugin: tuned, options: { tier3: "high", tier33: 1 }, source: "/p/bridle.config.json" }] });
    expect(attempt).toThrowError(ConfigError);
    try {
      attempt();
    } catch (error) {
      const issues = (error as ConfigError).issues;
      expect(issues).toContainEqual(expect.objectContaining({ file: "/p/bridle.config.json", keyPath: "plugins.tuned.tier3" }));
      expect(issues.find((issue) => issue.keyPath === "plugins.tuned.tier3")?.message).toMatch(/expected number/);
      expect(issues).toContainEqual(expect.objectContaining({ keyPath: "plugins.tuned.tier33", message: expect.stringMatching(/unknown key/) }));
    }
    const kernel = createKernel({ plugins: [{ plugin: tuned, options: { tier3: 0.8 } }] });
    expect(kernel.plugins[0]?.options).toEqual({ tier3: 0.8, enabled: true });
  });

  it("funnels model strings through resolveModel", () => {
    const resolver = definePlugin({
      name: "lowercase",
      description: "lowercases ids",
      options: z.object({}),
      apply(kernel) {
        kernel.hooks.resolveModel.tap({ name: "lowercase", stage: Stage.NORMALIZE }, (ref) => ({ ...ref, id: ref.id.toLowerCase(), known: true }));
      },
    });
    const kernel = createKernel({ plugins: [{ plugin: resolver }] });
    expect(kernel.resolveModel(" Kimi-K2 ", "groq")).toMatchObject({ input: " Kimi-K2 ", gateway: "groq", id: "kimi-k2", known: true });
  });
});

describe("gateways in the kernel", () => {
  const gatewayPlugin = (name: string, id = "acme", slug?: (model: string) => string | undefined) =>
    definePlugin({
      name,
      description: `defines ${id}`,
      options: z.object({ baseURL: z.string().default("https://api.acme.example/v1").describe("Base URL.") }),
      apply(kernel, options) {
        kernel.gateways.define(defineGateway({ id, name: "Acme", baseURL: options.baseURL, apiKeyEnv: "ACME_API_KEY", ...(slug ? { slug } : {}) }));
      },
    });

  it("lets a plugin define a gateway during apply, attributed to it, and config adjust it after", () => {
    const kernel = createKernel({
      plugins: [{ plugin: gatewayPlugin("acme-gateway"), options: { baseURL: "http://127.0.0.1:1/v1" } }],
      gateways: [{ file: "/p/bridle.config.json", settings: { acme: { apiKeyEnv: "ACME_TOKEN" }, lab: { baseURL: "http://127.0.0.1:2/v1" } } }],
    });
    expect(kernel.gateways.get("acme")).toMatchObject({ baseURL: "http://127.0.0.1:1/v1", apiKeyEnv: "ACME_TOKEN", source: { kind: "plugin", plugin: "acme-gateway" }, configuredBy: ["/p/bridle.config.json"] });
    expect(kernel.gateways.get("lab")?.source).toEqual({ kind: "config", file: "/p/bridle.config.json" });
  });

  it("refuses a second plugin defining the same gateway, and names the config key of a bad gateway section", () => {
    expect(() => createKernel({ plugins: [{ plugin: gatewayPlugin("one") }, { plugin: gatewayPlugin("two") }] })).toThrow(GatewayConflictError);
    expect(() => createKernel({ plugins: [], gateways: [{ file: "c.json", settings: { nowhere: {} } }] })).toThrow(ConfigError);
  });

  it("adds a definition's slug code for its own gateway only, and never lets a second rule replace it", () => {
    const kernel = createKernel({ plugins: [{ plugin: gatewayPlugin("acme-gateway", "acme", (model) => `acme/${model}`) }] });
    const id = kernel.resolveModel("kimi-k2.6").id;
    expect(kernel.models.slugFor(id, "acme")).toBe("acme/kimi-k2.6");
    expect(kernel.models.slugFor(id, "elsewhere")).toBe("kimi-k2.6");
    expect(() => kernel.models.addSlugRule(() => "x", { owner: "plugin \"late\"", gateway: "acme" })).toThrow(/plugin "acme-gateway" already did/);
    kernel.models.addSlugRule(() => "generic", { owner: "a" });
    expect(() => kernel.models.addSlugRule(() => "other", { owner: "b" })).toThrow(/generic slug rule: a already did/);
    expect(kernel.models.slugFor("m" as CanonicalModelId, "elsewhere")).toBe("generic");
  });

  it("gives plugins the gateway-filtered wire hook, with errors attributed", () => {
    const plugin = definePlugin({
      name: "shaper",
      description: "shapes acme's wire body",
      options: z.object({}),
      apply(kernel) {
        kernel.hooks.wire.for("acme").tap("shaper", (wire) => ({ ...wire, headers: { ...wire.headers, "x-shaped": "1" } }));
        kernel.hooks.wire.for("broken").tap("shaper", () => {
          throw new Error("boom");
        });
      },
    });
    const kernel = createKernel({ plugins: [{ plugin }] });
    const wire = kernel.hooks.wire.for("acme").call({ body: {}, headers: {} }, {} as never);
    expect(wire.headers).toEqual({ "x-shaped": "1" });
    expect(kernel.hooks.wire.get("other")).toBeUndefined();
    expect(() => kernel.hooks.wire.for("broken").call({ body: {}, headers: {} }, {} as never)).toThrow(/plugin "shaper" failed in hook "wire.for\("broken"\)"/);
  });

  it("keeps model and gateway read-only in beforeRequest", async () => {
    const plugin = definePlugin({
      name: "rerouter",
      description: "tries to change the gateway",
      options: z.object({}),
      apply(kernel) {
        kernel.hooks.beforeRequest.tapPromise("rerouter", async (value) => ({ ...value, gateway: "elsewhere" }));
      },
    });
    const kernel = createKernel({ plugins: [{ plugin }] });
    await expect(kernel.hooks.beforeRequest.promise(request, turnContext())).rejects.toThrow(/plugin "rerouter" failed in hook "beforeRequest": a beforeRequest tap may not change the model or gateway/);
  });
});

describe("definePlugin", () => {
  it("requires a default and a description on every option", () => {
    expect(() =>
      definePlugin({ name: "no-default", description: "", options: z.object({ level: z.number().describe("Level.") }), apply() {} }),
    ).toThrowError(/option "level" needs \.default/);
    expect(() =>
      definePlugin({ name: "no-description", description: "", options: z.object({ level: z.number().default(1) }), apply() {} }),
    ).toThrowError(/option "level" needs \.describe/);
    expect(() => definePlugin({ name: "Bad Name", description: "", options: z.object({}), apply() {} })).toThrowError(/kebab-case/);
  });

  it("adds an `enabled` option with a default and a description", () => {
    const plugin = definePlugin({ name: "plain", description: "", options: z.object({}), apply() {} });
    expect(plugin.options.parse({})).toEqual({ enabled: true });
    const schema = z.toJSONSchema(plugin.options, { io: "input" }) as { properties: Record<string, { description?: string }> };
    expect(schema.properties.enabled?.description).toMatch(/on/);
  });
});
