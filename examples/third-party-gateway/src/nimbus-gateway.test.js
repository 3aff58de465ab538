import { createKernel, GatewayTransport } from "@bridle/core";
import { startGatewaySim } from "@bridle/gateway-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { nimbusPlugin } from "./index.js";

/** Nimbus is not a simulator profile: a generic one plays it, under Nimbus's model name. */
let sim;
beforeAll(async () => {
  sim = await startGatewaySim({ profiles: [{ profile: "together", name: "nimbus", models: [{ slug: "nimbus-coder-7b", contextWindow: 32_768 }] }] });
});
afterAll(() => sim.close());

function setup() {
  const kernel = createKernel({ plugins: [{ plugin: nimbusPlugin, options: { baseURL: sim.baseURL("nimbus") } }] });
  const transport = new GatewayTransport({ gateways: kernel.gateways, models: kernel.models, hooks: kernel.hooks, environment: { NIMBUS_API_KEY: sim.apiKey("nimbus") } });
  const request = {
    model: kernel.resolveModel("nimbus-coder-7b", "nimbus").id,
    gateway: "nimbus",
    purpose: "turn",
    messages: [{ role: "user", content: "Say hello." }],
    tools: [],
    maxOutputTokens: 64,
    affinityKey: "session-1",
    body: { parallel_tool_calls: true },
    headers: {},
  };
  return { kernel, transport, request };
}

describe("nimbus-gateway", () => {
  it("defines the nimbus gateway with its key variable and URL from the options", () => {
    const { kernel } = setup();
    expect(kernel.gateways.get("nimbus")).toMatchObject({ name: "Nimbus", apiKeyEnv: "NIMBUS_API_KEY", baseURL: sim.baseURL("nimbus"), source: { kind: "plugin", plugin: "nimbus-gateway" } });
  });

  it("serves a request: its own key, its affinity header, the fields it rejects left out", async () => {
    const { transport, request } = setup();
    sim.enqueue({ content: "hello from nimbus" });
    const response = await transport.send(request, { signal: new AbortController().signal });
    expect(response.message.content).toBe("hello from nimbus");
    const recorded = sim.requests.all().at(-1);
    expect(recorded.keyOwner).toBe("nimbus");
    expect(recorded.headers["x-nimbus-session"]).toBe("session-1");
    expect(recorded.body).not.toHaveProperty("parallel_tool_calls");
  });

  it("classifies its own rate-limit body", () => {
    const { transport, request } = setup();
    const prepared = transport.prepare(request);
    expect(transport.classify({ status: 429, body: '{"error":"slow down","retry_in_ms":1500}', headers: undefined }, prepared)).toEqual({ kind: "rate-limit", retryAfterMs: 1500 });
    expect(transport.classify({ status: 400, body: "Prompt exceeds the Nimbus window of 32768 tokens", headers: undefined }, prepared)).toEqual({ kind: "overflow" });
  });
});
