import type { ConfigLayer } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { layerTrust } from "./layer-trust.js";

const layer = (source: string, kind: ConfigLayer["kind"]): ConfigLayer => ({ source, kind, value: {} });

describe("layerTrust", () => {
  it("trusts shipped presets, the user's files and presets, the environment and flags, not the project and what it extends", () => {
    const layers = [
      layer("preset @bridle/preset-default", "preset"),
      layer("/home/u/team-preset.json", "preset"),
      layer("/home/u/.config/bridle/config.json", "user"),
      layer("/repo/shared.json", "preset"),
      layer("preset evil-package", "preset"),
      layer("/repo/bridle.config.json", "project"),
      layer("environment", "environment"),
      layer("command line", "flags"),
    ];
    const trusted = layerTrust(layers, 1);
    expect(layers.map((entry) => trusted(entry))).toEqual([true, true, true, false, false, false, true, true]);
  });

  it("without a user file, the project's presets start right after the shipped ones", () => {
    const layers = [layer("preset @bridle/preset-default", "preset"), layer("/repo/shared.json", "preset"), layer("/repo/bridle.config.json", "project"), layer("environment", "environment")];
    const trusted = layerTrust(layers, 1);
    expect(layers.map((entry) => trusted(entry))).toEqual([true, false, false, true]);
  });

  it("trusts every layer when there is no project config", () => {
    const layers = [layer("preset @bridle/preset-default", "preset"), layer("/home/u/.config/bridle/config.json", "user")];
    expect(layers.every(layerTrust(layers, 1))).toBe(true);
  });
});
