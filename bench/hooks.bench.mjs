// One full round of every kernel hook with every default plugin tapped, against the same tap
// functions called directly in stage order: the cost of tapable dispatch, stages and the error
// attribution wrapper, as a ratio.
import { createHooks, createKernel, GatewayRegistry, HarnessError, ModelRegistry, TokenCounter } from "@bridle/core";
import { defaultPreset } from "@bridle/preset-default";
import { measure } from "./measure.mjs";

export const name = "hooks";

// The hooks every turn meets; `compact` runs only on request, so it is not part of a round.
const HOOK_ORDER = ["resolveModel", "beforeRequest", "afterResponse", "onToolCall", "onModelSwitch", "onError", "onEvent"];
const ALL_HOOKS = Object.keys(createHooks());

function fixtures(models) {
  const model = { input: "moonshotai/kimi-k2-instruct-0905", gateway: "groq", id: "kimi-k2-0905", known: true };
  const tools = [
    { name: "read", description: "Read a file", parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] } },
    { name: "bash", description: "Run a command", parameters: { type: "object", properties: { command: { type: "string" } }, required: ["command"] } },
  ];
  const messages = [
    { role: "system", content: "You are a coding agent." },
    { role: "user", content: "Fix the failing test in src/sum.js" },
    { role: "assistant", content: null, toolCalls: [{ id: "functions.read:0", name: "read", arguments: '{"path":"src/sum.js"}' }] },
    { role: "tool", toolCallId: "functions.read:0", content: "1\texport const sum = (a, b) => a - b;" },
  ];
  const context = {
    sessionId: "bench",
    model,
    gateway: "groq",
    models,
    state: new Map(),
    tokens: new TokenCounter(),
    conversation: { messages: () => messages.slice(1), replace() {} },
    limits: () => models.limits(model.id, "groq"),
    complete: () => Promise.reject(new Error("the hook round sends no side request")),
    emit() {},
    turn: 3,
    attempt: 0,
    signal: new AbortController().signal,
    compactRequested: false,
    tools,
  };
  return {
    ref: () => ({ input: model.input, gateway: "groq", id: model.input, known: false }),
    request: () => ({ model: model.id, gateway: "groq", messages, tools, maxOutputTokens: 4096, body: {}, headers: {} }),
    response: () => ({ model: model.id, gateway: "groq", message: { role: "assistant", content: "Done." }, finishReason: "stop", usage: { inputTokens: 900, outputTokens: 12 } }),
    toolCall: () => ({ raw: { id: "functions.bash:1", name: "bash", arguments: '{"command":"npm test"}' }, tools, status: "pending", calls: [], repairs: [] }),
    modelSwitch: () => ({ from: { model: model.id, gateway: "groq" }, to: { model: model.id, gateway: "fireworks" }, reason: "user" }),
    error: () => new HarnessError("rate limited", { kind: "rate-limit", gateway: "groq", model: model.id, status: 429, retryable: true }),
    event: () => ({ type: "bench.round", level: "info", message: "round" }),
    context,
  };
}

/** Applies the preset's plugins to a recording view and returns their tap functions by hook. */
function captureTaps() {
  const taps = Object.fromEntries(ALL_HOOKS.map((hook) => [hook, []]));
  const models = new ModelRegistry();
  const registry = new GatewayRegistry();
  for (const plugin of defaultPreset.plugins) {
    const hooks = Object.fromEntries(
      ALL_HOOKS.map((hook) => {
        const record = (type) => (options, fn) => taps[hook].push({ type, fn, stage: typeof options === "object" ? (options.stage ?? 0) : 0 });
        const tappable = { tap: record("sync"), tapPromise: record("promise"), tapAsync: record("async"), isUsed: () => true };
        // Gateway-filtered hooks are not part of a round (the transport calls them per request).
        return [hook, { ...tappable, for: () => ({ tap() {}, tapPromise() {}, tapAsync() {}, isUsed: () => true }) }];
      }),
    );
    const gateways = {
      define: (definition) => registry.define(definition, { kind: "plugin", plugin: plugin.name }),
      defineDefaults: (defaults) => registry.defineDefaults(defaults),
      get: (id) => registry.get(id),
      list: () => registry.list(),
    };
    plugin.apply({ hooks, models, gateways, toolSources: { register() {} }, emit() {} }, plugin.options.parse({}));
  }
  for (const hook of HOOK_ORDER) taps[hook].sort((a, b) => a.stage - b.stage);
  return { taps, models };
}

async function directRound(taps, data) {
  const context = data.context;
  let ref = data.ref();
  for (const tap of taps.resolveModel) ref = tap.fn(ref) ?? ref;
  let request = data.request();
  for (const tap of taps.beforeRequest) request = (await tap.fn(request, context)) ?? request;
  let response = data.response();
  for (const tap of taps.afterResponse) response = (await tap.fn(response, context)) ?? response;
  let event = data.toolCall();
  for (const tap of taps.onToolCall) event = (await tap.fn(event, context)) ?? event;
  const modelSwitch = data.modelSwitch();
  for (const tap of taps.onModelSwitch) await tap.fn(modelSwitch, context);
  const error = data.error();
  for (const tap of taps.onError) {
    const recovery = await tap.fn(error, context);
    if (recovery !== undefined) break;
  }
  const feed = data.event();
  for (const tap of taps.onEvent) tap.fn(feed);
  return [ref, request, response, event];
}

async function kernelRound(kernel, data) {
  const context = data.context;
  const ref = kernel.hooks.resolveModel.call(data.ref());
  const request = await kernel.hooks.beforeRequest.promise(data.request(), context);
  const response = await kernel.hooks.afterResponse.promise(data.response(), context);
  const event = await kernel.hooks.onToolCall.promise(data.toolCall(), context);
  await kernel.hooks.onModelSwitch.promise(data.modelSwitch(), context);
  await kernel.hooks.onError.promise(data.error(), context);
  kernel.hooks.onEvent.call(data.event());
  return [ref, request, response, event];
}

export async function run() {
  const kernel = createKernel({ plugins: defaultPreset.plugins.map((plugin) => ({ plugin })) });
  const kernelData = fixtures(kernel.models);
  const { taps, models } = captureTaps();
  const directData = fixtures(models);
  const tapCount = HOOK_ORDER.reduce((sum, hook) => sum + taps[hook].length, 0);

  // Alternate the two several times and keep the median of each: a noisy neighbour then hurts
  // both sides alike instead of one.
  const kernelTimes = [];
  const directTimes = [];
  for (let repeat = 0; repeat < 5; repeat++) {
    kernelTimes.push((await measure(() => kernelRound(kernel, kernelData), { iterations: 10_000 })).median);
    directTimes.push((await measure(() => directRound(taps, directData), { iterations: 10_000 })).median);
  }
  const middle = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  const viaKernel = { median: middle(kernelTimes) };
  const direct = { median: middle(directTimes) };
  const ratio = viaKernel.median / direct.median;
  return [
    { name: `hook round via kernel (${defaultPreset.plugins.length} plugins, ${tapCount} taps)`, value: viaKernel.median * 1e6, unit: "µs/round" },
    { name: "same taps called directly", value: direct.median * 1e6, unit: "µs/round" },
    { name: "kernel / direct", value: ratio, unit: "×", target: "≤ 2", pass: ratio <= 2, details: { plugins: defaultPreset.plugins.map((plugin) => plugin.name), taps: tapCount } },
  ];
}
