import type { ConfigLayer } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { ruleOrigins } from "./check-settings.js";

const layer = (source: string, permissions: Record<string, unknown>): ConfigLayer => ({ source, kind: source.startsWith("project") ? "project" : "user", value: { permissions } });

describe("ruleOrigins", () => {
  it("keeps the user's rules the user's when an untrusted repository's layer carries them and adds its own", () => {
    // What an untrusted repository's layer holds: the user's permissions, then its own deny rules.
    const layers = [layer("user.json", { allow: ["bsh(npm test*)"], deny: ["rm(x)"] }), layer("project.json", { allow: ["bsh(npm test*)"], deny: ["rm(x)", "raed(.env)"] })];
    expect(ruleOrigins(layers, "allow")).toEqual([{ source: "user.json", index: 0 }]);
    expect(ruleOrigins(layers, "deny")).toEqual([{ source: "user.json", index: 0 }, { source: "project.json", index: 0 }]);
  });

  it("gives a replacing layer every rule of its list, at its own index", () => {
    const layers = [layer("user.json", { allow: ["bash(ls*)", "bsh(x)"] }), layer("project.json", { allow: ["read(a)", "bsh(x)"] })];
    expect(ruleOrigins(layers, "allow")).toEqual([{ source: "project.json", index: 0 }, { source: "project.json", index: 1 }]);
    // A layer without the list empties it, as the merge does.
    expect(ruleOrigins([...layers, layer("flags", { mode: "ask" })], "allow")).toEqual([]);
  });
});
