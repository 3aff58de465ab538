import type { ChatRequest, HarnessError, ToolDefinition } from "@bridle/core";
import type { GatewayProfile } from "@bridle/gateway-sim";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { builtinGateways } from "./builtin-gateways.js";
import { type AdapterHarness, startAdapterHarness } from "../test/adapter-harness.js";

// Every adapter against the simulator profile of the same gateway: the expectations come from
// what the simulator was scripted to send and what it recorded, never from a per-gateway table.
const GATEWAYS = builtinGateways.map((gateway) => gateway.id);

const READ: ToolDefinition = { name: "read", description: "Read a file", parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] } };
const SYSTEM = `You are a careful coding agent working in a TypeScript repository. ${"Read before you edit, keep changes small, and run the tests after each change. ".repeat(30)}`;
const conversation = (): Partial<ChatRequest> => ({
  messages: [
    { role: "system", content: SYSTEM },
    { role: "user", content: "Open src/app.ts" },
  ],
  tools: [READ],
});

let harness: AdapterHarness;
beforeAll(async () => {
  // One node each, so a repeated prefix is a cache hit on the node that served it.
  harness = await startAdapterHarness(GATEWAYS.map((profile) => ({ profile, nodes: 1 })));
});
afterAll(async () => {
  await harness.close();
});

function slugOf(profile: GatewayProfile): string {
  return (profile.models.find((model) => model.reasoning === true) ?? profile.models[0])?.slug as string;
}

describe.each(GATEWAYS)("%s", (gateway) => {
  const profile = () => harness.sim.profile(gateway);

  test("streams text and reasoning, each once, whatever field or tag carries the reasoning", async () => {
    harness.sim.enqueue({ when: { profile: gateway }, reasoning: "The user wants the file; I will read it first.", content: "Reading src/app.ts now." });
    const response = await harness.send(gateway, slugOf(profile()), conversation());
    expect(response.message.content).toBe("Reading src/app.ts now.");
    expect(response.message.reasoning).toBe("The user wants the file; I will read it first.");
    expect(response.finishReason).toBe("stop");
  });

  test.each(["whole", "deltas"] as const)("assembles a tool call sent %s", async (toolArguments) => {
    harness.sim.enqueue({
      when: { profile: gateway },
      stream: { toolArguments, chunkChars: 4 },
      toolCalls: [
        { name: "read", arguments: '{"path":"src/app.ts"}' },
        { name: "read", arguments: '{"path":"src/index.ts"}' },
      ],
    });
    const response = await harness.send(gateway, slugOf(profile()), conversation());
    expect(response.finishReason).toBe("tool_calls");
    expect(response.message.toolCalls?.map((call) => [call.name, JSON.parse(call.arguments)])).toEqual([
      ["read", { path: "src/app.ts" }],
      ["read", { path: "src/index.ts" }],
    ]);
    const ids = response.message.toolCalls?.map((call) => call.id) ?? [];
    expect(new Set(ids).size).toBe(2);
    expect(ids.every((id) => id.length > 0)).toBe(true);
  });

  test("reads usage and cached tokens wherever the gateway puts them; unreported cache stays unknown", async () => {
    harness.sim.resetCaches(gateway);
    harness.sim.enqueue({ when: { profile: gateway }, content: "first", repeat: 2 });
    await harness.send(gateway, slugOf(profile()), conversation());
    const response = await harness.send(gateway, slugOf(profile()), conversation());
    const recorded = harness.sim.requests.last(gateway);
    expect(response.usage?.inputTokens).toBe(recorded?.promptTokens);
    expect(response.usage?.outputTokens).toBe(recorded?.completionTokens);
    if (profile().reportsCachedTokens && profile().cachedTokens !== "none") {
      expect(recorded?.cachedTokens).toBeGreaterThan(0);
      expect(response.usage?.cachedInputTokens).toBe(recorded?.cachedTokens);
    } else {
      expect(response.usage?.cachedInputTokens).toBeUndefined();
    }
  });

  test("recognises its own overflow answer as an overflow", async () => {
    harness.sim.enqueue({ when: { profile: gateway }, error: { kind: "overflow" } });
    const error = await harness.fail(gateway, slugOf(profile()), conversation());
    expect(error.kind).toBe("overflow");
    expect(error.retryable).toBe(false);
    expect(harness.sim.requests.last(gateway)?.status).toBeGreaterThanOrEqual(400);
  });

  test.each([
    ["retry-after", { retryAfterSeconds: 3 }, 3000],
    ["retry-after-ms", { retryAfterMs: 1500 }, 1500],
  ] as const)("reads the delay of its 429 from %s", async (_header, hint, expected) => {
    harness.sim.enqueue({ when: { profile: gateway }, error: { kind: "rate_limit", ...hint } });
    const error = await harness.fail(gateway, slugOf(profile()), conversation());
    expect(error.kind).toBe("rate-limit");
    expect(error.retryable).toBe(true);
    expect(error.retryAfterMs).toBe(expected);
  });
});

// A gateway nobody described: only a base URL and a key variable in config, in front of each
// engine above. The facts shared by all definitions have to carry it.
describe.each(GATEWAYS)("a config-only gateway in front of %s", (profile) => {
  const id = `unknown-${profile}`;
  const model = () => slugOf(harness.sim.profile(profile));
  beforeAll(() => {
    const variable = `UNKNOWN_${profile.toUpperCase().replace(/[^A-Z0-9]/g, "_")}_KEY`;
    harness.environment[variable] = harness.sim.keys[profile] ?? "any-key";
    harness.kernel.gateways.configure({ [id]: { baseURL: harness.sim.baseURL(profile), apiKeyEnv: variable } }, "test");
  });
  const send = (extra: Partial<ChatRequest>) => harness.transport.send(
    { model: model(), gateway: id, messages: [], tools: [], maxOutputTokens: 1024, body: {}, headers: {}, ...conversation(), ...extra },
    { signal: AbortSignal.timeout(10_000) },
  );

  test("reads reasoning, tool calls, usage and cached tokens", async () => {
    harness.sim.resetCaches(profile);
    harness.sim.enqueue(
      { when: { profile }, content: "first" },
      { when: { profile }, reasoning: "Look first.", toolCalls: [{ name: "read", arguments: '{"path":"a.ts"}' }], stream: { toolArguments: "deltas", chunkChars: 3 } },
    );
    await send({});
    const response = await send({});
    expect(response.message.reasoning).toBe("Look first.");
    expect(response.message.toolCalls?.map((call) => JSON.parse(call.arguments))).toEqual([{ path: "a.ts" }]);
    const recorded = harness.sim.requests.last(profile);
    expect(response.usage?.inputTokens).toBe(recorded?.promptTokens);
    const reports = harness.sim.profile(profile).reportsCachedTokens && harness.sim.profile(profile).cachedTokens !== "none";
    expect(response.usage?.cachedInputTokens).toBe(reports ? recorded?.cachedTokens : undefined);
  });

  test("recognises the overflow (a bodiless 400 only where documented) and reads the 429 delay", async () => {
    harness.sim.enqueue({ when: { profile }, error: { kind: "overflow" } }, { when: { profile }, error: { kind: "rate_limit", retryAfterMs: 1200 } });
    const overflow = await send({}).catch((error: unknown) => error as HarnessError);
    const bodiless = harness.sim.profile(profile).errors.overflow({ slug: "x", contextWindow: 1, promptTokens: 2, outputTokens: 0 }).body === "";
    if (bodiless) expect((overflow as HarnessError).kind).not.toBe("overflow");
    else expect((overflow as HarnessError).kind).toBe("overflow");
    const limited = await send({}).catch((error: unknown) => error as HarnessError);
    expect((limited as HarnessError).kind).toBe("rate-limit");
    expect((limited as HarnessError).retryAfterMs).toBe(1200);
  });
});
