import { describe, expect, it } from "vitest";
import { defineGateway } from "./define-gateway.js";
import { GatewayConflictError, GatewayRegistry } from "./gateway-registry.js";

const acme = defineGateway({ id: "acme", name: "Acme", baseURL: "https://api.acme.example/v1", apiKeyEnv: "ACME_API_KEY", apiKeyEnvAlternatives: ["ACME_KEY"] });
const byPlugin = (plugin: string) => ({ kind: "plugin" as const, plugin });

describe("defineGateway", () => {
  it("names the field that is wrong", () => {
    expect(() => defineGateway({ id: "Acme", name: "A", baseURL: "https://a.example" })).toThrow(/kebab-case/);
    expect(() => defineGateway({ id: "a", name: "A", baseURL: "ftp://a.example" })).toThrow(/gateway "a": baseURL must be http or https/);
    expect(() => defineGateway({ id: "a", name: "A", baseURL: "https://a.example", apiKeyEnv: "A-KEY" })).toThrow(/apiKeyEnv "A-KEY"/);
    expect(() => defineGateway({ id: "a", name: "A", baseURL: "https://a.example", endpoints: [{ id: "a", baseURL: "https://b.example" }] })).toThrow(/used twice/);
    expect(Object.isFrozen(acme)).toBe(true);
  });
});

describe("GatewayRegistry", () => {
  it("refuses a second definition of the same id, naming both sources", () => {
    const registry = new GatewayRegistry();
    registry.define(acme, byPlugin("acme-gateway"));
    expect(() => registry.define(acme, byPlugin("impostor"))).toThrow(GatewayConflictError);
    expect(() => registry.define(acme, byPlugin("impostor"))).toThrow(/plugin "acme-gateway" and by plugin "impostor"/);
  });

  it("lets config adjust a plugin's gateway or add its own, with attribution", () => {
    const registry = new GatewayRegistry();
    registry.define({ ...acme, name: "Acme Inc" }, byPlugin("acme-gateway"));
    registry.configure({ acme: { baseURL: "http://127.0.0.1:9/v1" }, lab: { baseURL: "http://127.0.0.1:8000/v1" } }, "/home/u/.config/bridle/config.json");
    expect(registry.get("acme")).toMatchObject({ name: "Acme Inc", baseURL: "http://127.0.0.1:9/v1", local: false, source: byPlugin("acme-gateway"), configuredBy: ["/home/u/.config/bridle/config.json"] });
    expect(registry.get("lab")).toMatchObject({ local: true, source: { kind: "config", file: "/home/u/.config/bridle/config.json" } });
    expect(() => registry.configure({ nothing: {} })).toThrow(/gateways.nothing: unknown gateway/);
  });

  it("reads a key only from the gateway's own variables", () => {
    const registry = new GatewayRegistry();
    registry.define(acme, byPlugin("p"));
    expect(registry.apiKey("acme", { ACME_KEY: "k2", OTHER_API_KEY: "x" })).toBe("k2");
    expect(registry.apiKey("acme", { ACME_API_KEY: "k1", ACME_KEY: "k2" })).toBe("k1");
    expect(registry.apiKey("acme", { OTHER_API_KEY: "x" })).toBeUndefined();
  });

  it("sends a key only where a plugin's definition or the user's own config binds it", () => {
    const registry = new GatewayRegistry();
    registry.define(acme, byPlugin("p"));
    const environment = { ACME_KEY: "k2" };
    expect(registry.keyDecision("acme", environment)).toMatchObject({ kind: "granted", variable: "ACME_KEY" });
    registry.configure({ acme: { baseURL: "http://127.0.0.1:9/v1" } }, "/p/bridle.config.json", { asUser: false });
    expect(registry.keyDecision("acme", environment)).toMatchObject({ kind: "refused", variable: "ACME_KEY" });
    registry.trustUserGateways({ settings: { acme: { baseURL: "http://127.0.0.1:9/v1" } }, file: "/u/config.json" });
    expect(registry.apiKey("acme", environment)).toBe("k2");
  });

  it("moves every request of a gateway to a base URL the config gives, leaving the definition's other endpoints out", () => {
    const registry = new GatewayRegistry();
    registry.define(defineGateway({ ...acme, endpoints: [{ id: "acme-eu", baseURL: "https://eu.acme.example/v1" }] }), byPlugin("p"));
    expect(registry.endpoints("acme").map((endpoint) => endpoint.id)).toEqual(["acme", "acme-eu"]);
    registry.configure({ acme: { baseURL: "http://127.0.0.1:9/v1" } }, "/u/config.json");
    expect(registry.endpoints("acme")).toEqual([{ id: "acme", baseURL: "http://127.0.0.1:9/v1" }]);
    expect(registry.endpoint("acme", "acme-eu")).toBeUndefined();
    // Listing endpoints with the base URL keeps them.
    registry.configure({ acme: { baseURL: "http://127.0.0.1:9/v1", endpoints: [{ id: "backup", baseURL: "http://127.0.0.1:10/v1" }] } }, "/u/config.json");
    expect(registry.endpoints("acme").map((endpoint) => endpoint.baseURL)).toEqual(["http://127.0.0.1:9/v1", "http://127.0.0.1:10/v1"]);
    // A setting that changes something else leaves the endpoints as they are.
    registry.configure({ acme: { apiKeyEnv: "ACME_OTHER_KEY" } }, "/u/config.json");
    expect(registry.endpoints("acme")).toHaveLength(2);
  });

  it("lists endpoints with placeholders and the base URL variable filled, and refuses unlisted ones", () => {
    const registry = new GatewayRegistry();
    registry.define(
      defineGateway({ id: "cf", name: "CF", baseURL: "https://api.example/accounts/{ACCOUNT_ID}/v1", baseURLEnv: "CF_HOST", baseURLEnvPath: "/v1", endpoints: [{ id: "eu", baseURL: "https://eu.example/v1" }] }),
      byPlugin("p"),
    );
    expect(registry.endpoints("cf", { ACCOUNT_ID: "42" }).map((endpoint) => endpoint.baseURL)).toEqual(["https://api.example/accounts/42/v1", "https://eu.example/v1"]);
    expect(registry.endpoint("cf", undefined, { CF_HOST: "127.0.0.1:11434" })).toEqual({ id: "cf", baseURL: "http://127.0.0.1:11434/v1" });
    expect(registry.endpoint("cf", "eu", {})?.baseURL).toBe("https://eu.example/v1");
    expect(registry.endpoint("cf", "elsewhere", {})).toBeUndefined();
  });

  it("merges shared defaults after a definition's own facts", () => {
    const registry = new GatewayRegistry();
    registry.define(defineGateway({ ...acme, response: { usagePaths: ["x.usage"] }, overflow: { silent: true } }), byPlugin("p"));
    registry.defineDefaults({ response: { usagePaths: ["y.usage"], thinkTags: false }, overflow: { patterns: [/too long/], silent: false } });
    expect(registry.get("acme")).toMatchObject({ response: { usagePaths: ["x.usage", "y.usage"], thinkTags: false }, overflow: { silent: true } });
    expect(registry.get("acme")?.overflow?.patterns).toHaveLength(1);
  });
});

it("config names an affinity mechanism, takes one away with none, and lists endpoints as bare URLs", () => {
  const registry = new GatewayRegistry();
  registry.configure({
    fleet: { baseURL: "http://127.0.0.1:8000/v1", affinity: "x-session-affinity", endpoints: ["http://127.0.0.1:8001/v1", "http://127.0.0.1:8002/v1"] },
    keyed: { baseURL: "https://api.example.test/v1", apiKeyEnv: "EXAMPLE_KEY", affinity: "prompt_cache_key" },
  });
  expect(registry.get("fleet")?.affinity).toEqual({ header: "x-session-affinity" });
  expect(registry.endpoints("fleet").map((endpoint) => endpoint.id)).toEqual(["fleet", "endpoint-1", "endpoint-2"]);
  expect(registry.get("keyed")?.affinity).toEqual({ bodyField: "prompt_cache_key" });
  registry.configure({ keyed: { affinity: "none" } });
  expect(registry.get("keyed")?.affinity).toBeUndefined();
});
