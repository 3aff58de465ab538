import { type ChatRequest, type ChatResponse, createKernel, GatewayTransport, HarnessError, type Kernel } from "@bridle/core";
import { type GatewaySim, type ProfileSpec, startGatewaySim } from "@bridle/gateway-sim";
import { gatewaysPlugin } from "../src/gateways-plugin.js";

/** A kernel with the gateways plugin, every gateway pointed at a running simulator, and a transport over it. */
export interface AdapterHarness {
  sim: GatewaySim;
  kernel: Kernel;
  transport: GatewayTransport;
  /** The transport's environment (the simulator's keys under each gateway's variable); tests may add to it. */
  environment: Record<string, string>;
  /** Sends one streamed request for `model` (the gateway's slug) to `gateway`. */
  send(gateway: string, model: string, extra?: Partial<ChatRequest>): Promise<ChatResponse>;
  /** Sends and returns the {@link HarnessError} it fails with. */
  fail(gateway: string, model: string, extra?: Partial<ChatRequest>): Promise<HarnessError>;
  close(): Promise<void>;
}

/**
 * Starts the simulator with `profiles` (each named after the gateway it plays) and a kernel
 * whose gateways (from the plugin) send there, each with the simulator's key for it in the
 * gateway's own key variable.
 */
export async function startAdapterHarness(profiles: readonly ProfileSpec[]): Promise<AdapterHarness> {
  const sim = await startGatewaySim({ profiles });
  const kernel = createKernel({ plugins: [{ plugin: gatewaysPlugin }] });
  const environment: Record<string, string> = {};
  const settings: Record<string, { baseURL: string }> = {};
  for (const name of sim.profiles) {
    const gateway = kernel.gateways.get(name);
    if (!gateway) throw new Error(`no gateway "${name}" for the simulator profile of that name`);
    settings[name] = { baseURL: sim.baseURL(name) };
    const key = sim.keys[name];
    if (key && gateway.apiKeyEnv) environment[gateway.apiKeyEnv] = key;
  }
  kernel.gateways.configure(settings, "test");
  const transport = new GatewayTransport({ gateways: kernel.gateways, models: kernel.models, hooks: kernel.hooks, environment });
  const send = (gateway: string, model: string, extra: Partial<ChatRequest> = {}) =>
    transport.send(
      { model, gateway, messages: [{ role: "user", content: "Open src/app.ts" }], tools: [], maxOutputTokens: 1024, body: {}, headers: {}, ...extra },
      { signal: AbortSignal.timeout(10_000) },
    );
  return {
    sim,
    kernel,
    transport,
    environment,
    send,
    async fail(gateway, model, extra) {
      const outcome = await send(gateway, model, extra).then(
        () => undefined,
        (error: unknown) => error,
      );
      if (!(outcome instanceof HarnessError)) throw new Error(`expected ${gateway} to fail with a HarnessError, got ${outcome === undefined ? "an answer" : String(outcome)}`);
      return outcome;
    },
    close: () => sim.close(),
  };
}
