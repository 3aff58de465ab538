import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { builtinProfileNames } from "./builtin-profiles.js";
import type { GatewayProfile } from "./gateway-profile.js";
import { GatewaySimulator, type NodeCacheStats } from "./gateway-simulator.js";
import type { RecordedRequests } from "./recorded-requests.js";
import { resolveGatewayProfile, type ProfileSpec } from "./resolve-gateway-profile.js";
import { ScenarioPlayer } from "./scenario-player.js";
import type { ScenarioInput, ScenarioStepInput } from "./scenario-schema.js";

/** Options of {@link startGatewaySim}. */
export interface GatewaySimOptions {
  /** Gateways to host: built-in names or overrides. Defaults to every built-in profile. */
  readonly profiles?: readonly ProfileSpec[];
  /** The scripted model. Defaults to no steps (every answer is the conversation digest). */
  readonly scenario?: ScenarioInput;
  /** Defaults to 127.0.0.1. */
  readonly host?: string;
  /** Defaults to 0 (a free port). */
  readonly port?: number;
  /** Seed for node placement and generated ids. Defaults to 1. */
  readonly seed?: number;
  /** Requests kept for reading back. Defaults to 1000. */
  readonly maxRecordedRequests?: number;
  /** Largest accepted request body in bytes. Defaults to 64 MiB. */
  readonly maxBodyBytes?: number;
}

/** A running simulator. */
export interface GatewaySim {
  /** `http://127.0.0.1:<port>`. */
  readonly url: string;
  /** Names of the hosted profiles. */
  readonly profiles: readonly string[];
  /** Base URL per profile, for an OpenAI client's `baseURL` (`${url}/<profile>/v1`). */
  readonly urls: Readonly<Record<string, string>>;
  /** The key each profile accepts (`null`: any key). */
  readonly keys: Readonly<Record<string, string | null>>;
  /** Every request received, with credentials redacted. */
  readonly requests: RecordedRequests;
  /** Base URL of one profile (the only one when a single profile is hosted). */
  baseURL(profile?: string): string;
  /** The key one profile accepts; throws for a keyless profile. */
  apiKey(profile?: string): string;
  /** The resolved profile, for tests that need its models or windows. */
  profile(name: string): GatewayProfile;
  /** Replaces the scenario; step use counts start over. */
  setScenario(scenario: ScenarioInput): void;
  /** Appends steps to the scenario. */
  enqueue(...steps: ScenarioStepInput[]): void;
  /** Steps that can still answer. */
  readonly pendingSteps: number;
  /** Cache state of each node of a profile. */
  nodeStats(profile: string): NodeCacheStats[];
  /** Empties node caches (one profile's, or all). */
  resetCaches(profile?: string): void;
  /** Stops the server and drops open connections. */
  close(): Promise<void>;
}

/**
 * Starts a loopback OpenAI-compatible server that behaves like the named gateways: each profile
 * is served under `/<profile>/v1` (`/chat/completions`, `/models`) with its own key, slugs,
 * windows, error texts, reasoning and usage shapes, nodes and prefix caches, and answers from the
 * scripted scenario. With a single profile, `/v1/...` reaches it too. Throws an Error naming the
 * option when a profile or the scenario is invalid.
 */
export async function startGatewaySim(options: GatewaySimOptions = {}): Promise<GatewaySim> {
  const specs = options.profiles ?? builtinProfileNames;
  if (specs.length === 0) throw new Error("profiles: host at least one gateway profile");
  const resolved = specs.map((spec, index) => resolveGatewayProfile(spec, `profiles[${index}]`));
  const player = new ScenarioPlayer();
  if (options.scenario !== undefined) player.setScenario(options.scenario, "scenario");
  const simulator = new GatewaySimulator({
    profiles: resolved,
    player,
    seed: options.seed ?? 1,
    maxRecordedRequests: options.maxRecordedRequests ?? 1000,
    maxBodyBytes: options.maxBodyBytes ?? 64 * 1024 * 1024,
  });
  const server = createServer((request, response) => {
    simulator.handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) {
        response.writeHead(500, { "content-type": "application/json" });
        response.end(JSON.stringify({ error: { message: `gateway-sim internal error: ${(error as Error).message}`, type: "sim_error" } }));
      } else response.destroy();
    });
  });
  server.keepAliveTimeout = 30_000;
  const address = await listen(server, options.host ?? "127.0.0.1", options.port ?? 0);
  const url = `http://${address.address.includes(":") ? `[${address.address}]` : address.address}:${address.port}`;
  const names = resolved.map((profile) => profile.name);
  const urls = Object.fromEntries(names.map((name) => [name, `${url}/${name}/v1`]));
  const keys = Object.fromEntries(resolved.map((profile) => [profile.name, profile.apiKey]));
  const pick = (profile: string | undefined): string => {
    if (profile !== undefined) {
      if (!names.includes(profile)) throw new Error(`gateway-sim: no profile "${profile}" is hosted; hosted: ${names.join(", ")}`);
      return profile;
    }
    if (names.length !== 1) throw new Error(`gateway-sim: ${names.length} profiles are hosted; name one of ${names.join(", ")}`);
    return names[0] as string;
  };
  let closed: Promise<void> | undefined;
  return {
    url,
    profiles: names,
    urls,
    keys,
    requests: simulator.requests,
    baseURL: (profile) => urls[pick(profile)] as string,
    apiKey: (profile) => {
      const name = pick(profile);
      const key = keys[name];
      if (key === null || key === undefined) throw new Error(`gateway-sim: profile "${name}" checks no key; send any string`);
      return key;
    },
    profile: (name) => {
      const found = resolved.find((profile) => profile.name === pick(name));
      return found as GatewayProfile;
    },
    setScenario: (scenario) => player.setScenario(scenario, "setScenario"),
    enqueue: (...steps) => player.enqueue(...steps),
    get pendingSteps() {
      return player.pendingSteps;
    },
    nodeStats: (profile) => simulator.nodeStats(profile),
    resetCaches: (profile) => simulator.resetCaches(profile),
    close: () => {
      closed ??= new Promise<void>((resolve, reject) => {
        server.close((error) => (error === undefined ? resolve() : reject(error)));
        server.closeAllConnections();
      });
      return closed;
    },
  };
}

function listen(server: Server, host: string, port: number): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve(server.address() as AddressInfo);
    });
  });
}
