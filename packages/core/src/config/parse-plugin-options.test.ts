import { describe, expect, it } from "vitest";
import { z } from "zod";
import { createKernel } from "../create-kernel.js";
import { definePlugin } from "../define-plugin.js";
import { parsePluginOptions } from "./parse-plugin-options.js";

describe("parsePluginOptions", () => {
  let parses = 0;
  const counted = z
    .number()
    .default(1)
    .transform((value) => {
      parses += 1;
      return value;
    })
    .describe("a level");
  const plugin = definePlugin({ name: "counted", description: "counts its parses", options: z.object({ level: counted }), apply() {} });

  it("reads true, nothing and false as the defaults and a disabled plugin, and names a bad value", () => {
    expect(parsePluginOptions(plugin, true)).toEqual({ success: true, data: { level: 1, enabled: true } });
    expect(parsePluginOptions(plugin, undefined)).toEqual({ success: true, data: { level: 1, enabled: true } });
    expect(parsePluginOptions(plugin, false)).toEqual({ success: true, data: { level: 1, enabled: false } });
    const bad = parsePluginOptions(plugin, { level: "high" });
    expect(bad.success).toBe(false);
  });

  it("parses options once: the kernel takes options this function produced as they are", () => {
    const parsed = parsePluginOptions(plugin, { level: 3 });
    if (!parsed.success) throw new Error("expected valid options");
    parses = 0;
    const kernel = createKernel({ plugins: [{ plugin, options: parsed.data }] });
    expect(parses).toBe(0);
    expect(kernel.plugins[0]?.options).toBe(parsed.data);
    createKernel({ plugins: [{ plugin, options: { level: 3 } }] });
    expect(parses).toBe(1);
  });
});
