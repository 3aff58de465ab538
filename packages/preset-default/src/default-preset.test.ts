import { createKernel, isPreset } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { defaultPreset } from "./index.js";

describe("defaultPreset", () => {
  it("is a preset whose plugins all load with their default options", () => {
    expect(isPreset(defaultPreset)).toBe(true);
    const kernel = createKernel({ plugins: defaultPreset.plugins.map((plugin) => ({ plugin })) });
    expect(kernel.plugins.map((plugin) => plugin.name)).toEqual(defaultPreset.plugins.map((plugin) => plugin.name));
    expect(kernel.plugins.every((plugin) => plugin.enabled)).toBe(true);
  });

  it("names every plugin once", () => {
    const names = defaultPreset.plugins.map((plugin) => plugin.name);
    expect(new Set(names).size).toBe(names.length);
  });
});
