import { describe, expect, it } from "vitest";
import { z } from "zod";
import type { ChatRequest, TurnContext } from "./index.js";
import { ConfigError, createKernel, definePlugin, PluginError, Stage } from "./index.js";
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
