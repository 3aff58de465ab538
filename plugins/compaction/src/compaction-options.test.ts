import { ConfigError, createKernel } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { compactionOptionsSchema } from "./compaction-options.js";
import { compactionPlugin } from "./compaction-plugin.js";

describe("compaction options", () => {
  it("has a default for every key", () => {
    expect(compactionOptionsSchema.parse({})).toMatchObject({ enabled: true, tier1: 0.5, tier2: 0.75, tier3: 0.9, target: 0.4, keepRecentTurns: 3, calibrate: true });
  });

  it("rejects tiers out of order, naming the key and the file", () => {
    const build = () => createKernel({ plugins: [{ plugin: compactionPlugin, options: { tier1: 0.8 }, source: "bridle.config.json" }] });
    expect(build).toThrow(ConfigError);
    expect(build).toThrow(/bridle\.config\.json[\s\S]*plugins\.compaction\.tier1[\s\S]*must not be above tier2/);
  });

  it("rejects unknown keys and fractions outside (0, 1]", () => {
    expect(compactionPlugin.options.safeParse({ tier9: 1 }).success).toBe(false);
    expect(compactionPlugin.options.safeParse({ tier3: 1.5 }).success).toBe(false);
    expect(compactionPlugin.options.safeParse({ tier1: 0 }).success).toBe(false);
  });

  it("taps nothing when turned off", () => {
    const kernel = createKernel({ plugins: [{ plugin: compactionPlugin, options: false }] });
    expect(kernel.hooks.beforeRequest.taps).toHaveLength(0);
    const on = createKernel({ plugins: [{ plugin: compactionPlugin }] });
    expect(on.hooks.beforeRequest.taps.map((tap) => tap.name)).toEqual(["compaction"]);
    expect(on.hooks.onModelSwitch.taps).toHaveLength(1);
    expect(on.hooks.onError.taps).toHaveLength(1);
    expect(on.hooks.afterResponse.taps).toHaveLength(1);
  });
});
