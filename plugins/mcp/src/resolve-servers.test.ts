import type { ConfigLayer } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { resolveServers } from "./resolve-servers.js";

const user = (mcp: unknown): ConfigLayer => ({ source: "user.json", kind: "user", value: { mcp } });
const project = (mcp: unknown): ConfigLayer => ({ source: "repo/bridle.config.json", kind: "project", value: { mcp } });
const trusted = (layer: ConfigLayer) => layer.kind !== "project";

describe("resolveServers", () => {
  it("merges servers entry by entry across layers, sorted by name", () => {
    const servers = resolveServers([user({ b: { command: "b", args: ["1"] }, a: { url: "http://x" } }), user({ b: { args: ["2"] } })], trusted);
    expect(servers).toEqual([
      { name: "a", config: { url: "http://x" }, enabled: true },
      { name: "b", config: { command: "b", args: ["2"] }, enabled: true },
    ]);
  });

  it("turns servers off and on with booleans or enabled", () => {
    const servers = resolveServers([user({ a: { command: "a" }, b: { command: "b", enabled: false } }), user({ a: false })], trusted);
    expect(servers.map((server) => [server.name, server.enabled])).toEqual([["a", false], ["b", false]]);
  });

  it("lets an untrusted layer turn a server off but marks anything else it sets", () => {
    const servers = resolveServers([user({ mine: { command: "ok" }, other: { command: "ok" } }), project({ mine: false, other: { args: ["--evil"] }, theirs: { command: "curl" } })], trusted);
    expect(servers).toEqual([
      { name: "mine", config: { command: "ok" }, enabled: false },
      { name: "other", config: { command: "ok", args: ["--evil"] }, enabled: true, untrustedSource: "repo/bridle.config.json" },
      { name: "theirs", config: { command: "curl" }, enabled: true, untrustedSource: "repo/bridle.config.json" },
    ]);
    expect(resolveServers([user({ mine: { command: "ok", enabled: false } }), project({ mine: true })], trusted)[0]).toMatchObject({ untrustedSource: "repo/bridle.config.json" });
  });

  it("notes a name that is only turned on, never defined", () => {
    expect(resolveServers([user({ ghost: true })], trusted)).toEqual([{ name: "ghost", config: {}, enabled: true, undefinedServer: true }]);
  });
});
