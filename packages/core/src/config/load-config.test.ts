import { existsSync, mkdirSync, mkdtempSync, realpathSync, rmSync, symlinkSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createKernel } from "../create-kernel.js";
import { definePlugin } from "../define-plugin.js";
import { buildConfigJsonSchema } from "./config-json-schema.js";
import { loadConfig } from "./load-config.js";
import { definePreset } from "./preset.js";

const coreRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const zodRoot = path.dirname(createRequire(path.join(coreRoot, "package.json")).resolve("zod/package.json"));

const compaction = definePlugin({
  name: "compaction",
  description: "fits the context",
  options: z.object({
    tier1: z.number().min(0).max(1).default(0.5).describe("Tier 1 threshold."),
    tier3: z.number().min(0).max(1).default(0.9).describe("Tier 3 threshold."),
  }),
  apply() {},
});
const repair = definePlugin({ name: "tool-repair", description: "repairs tool calls", options: z.object({}), apply() {} });
const preset = definePreset({ name: "test-default", plugins: [compaction, repair], config: { model: "kimi-k2" } });

let root: string;
let project: string;
beforeEach(() => {
  root = realpathSync(mkdtempSync(path.join(tmpdir(), "bridle-config-")));
  project = path.join(root, "project");
  mkdirSync(path.join(project, "src"), { recursive: true });
});
afterEach(() => rmSync(root, { recursive: true, force: true }));

function write(file: string, value: unknown): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof value === "string" ? value : JSON.stringify(value, null, 2));
  return file;
}

/** Loads with the project folder trusted (`trustProject`), as the loading mechanics tests need. */
function load(extra: Partial<Parameters<typeof loadConfig>[0]> = {}) {
  return loadConfig({ cwd: path.join(project, "src"), environment: {}, userConfigFile: false, basePresets: [preset], trustProject: true, ...extra });
}

/**
 * A third-party plugin package in the temp dir, importing @bridle/core as published (its built
 * `dist/`, as a user's node_modules would hold it) and zod.
 */
function writeThirdPartyPackage(directory: string, name: string, pluginName: string): void {
  const modules = path.join(directory, "node_modules");
  const publishedCore = path.join(modules, "@bridle", "core");
  if (!existsSync(path.join(coreRoot, "dist", "index.js"))) throw new Error("@bridle/core is not built: run `pnpm build` first");
  if (!existsSync(publishedCore)) {
    mkdirSync(publishedCore, { recursive: true });
    write(path.join(publishedCore, "package.json"), { name: "@bridle/core", type: "module", exports: { ".": "./dist/index.js" } });
    symlinkSync(path.join(coreRoot, "dist"), path.join(publishedCore, "dist"));
    symlinkSync(path.join(coreRoot, "node_modules"), path.join(publishedCore, "node_modules"));
    symlinkSync(zodRoot, path.join(modules, "zod"));
  }
  write(path.join(modules, name, "package.json"), { name, type: "module", exports: "./index.js" });
  write(
    path.join(modules, name, "index.js"),
    `import { definePlugin } from "@bridle/core";
import { z } from "zod";
export default definePlugin({
  name: "${pluginName}",
  description: "a plugin from npm",
  options: z.object({ level: z.number().int().default(1).describe("How loud.") }),
  apply(kernel, options) {
    kernel.hooks.onEvent.tap("${pluginName}", () => {});
  },
});
`,
  );
}

describe("loadConfig", () => {
  it("merges preset, user file, project file, environment and flags in that order", async () => {
    const user = write(path.join(root, "xdg", "bridle", "config.json"), { model: "from-user", gateway: "groq", plugins: { compaction: { tier1: 0.4 } } });
    const projectFile = write(path.join(project, "bridle.config.json"), { gateway: "fireworks", plugins: { compaction: { tier3: 0.85 } } });
    const result = await load({ userConfigFile: user, environment: { BRIDLE_GATEWAY: "together" }, flags: { model: "from-flag" } });
    expect(result.issues).toEqual([]);
    expect(result.settings).toMatchObject({ model: "from-flag", gateway: "together" });
    expect(result.layers.map((layer) => layer.kind)).toEqual(["preset", "user", "project", "environment", "flags"]);
    const entry = result.plugins.find((plugin) => plugin.plugin.name === "compaction");
    expect(entry?.options).toEqual({ tier1: 0.4, tier3: 0.85, enabled: true });
    expect(result.summaries.find((summary) => summary.name === "compaction")).toMatchObject({ enabled: true, decidedBy: projectFile });
  });

  it("finds the project file in a parent directory, .bridle/config.json included", async () => {
    const file = write(path.join(project, ".bridle", "config.json"), { model: "glm-4.6" });
    const result = await load();
    expect(result.settings.model).toBe("glm-4.6");
    expect(result.layers.map((layer) => layer.source)).toContain(file);
  });

  it("reads the user file from XDG_CONFIG_HOME", async () => {
    write(path.join(root, "xdg", "bridle", "config.json"), { gateway: "deepinfra" });
    const result = await load({ userConfigFile: undefined, environment: { XDG_CONFIG_HOME: path.join(root, "xdg") } });
    expect(result.settings.gateway).toBe("deepinfra");
  });

  it("turns a plugin off with false and says which file did", async () => {
    const file = write(path.join(project, "bridle.config.json"), { plugins: { "tool-repair": false } });
    const result = await load();
    expect(result.issues).toEqual([]);
    expect(result.summaries.find((summary) => summary.name === "tool-repair")).toMatchObject({ enabled: false, decidedBy: file, origin: "preset test-default" });
    const kernel = createKernel({ plugins: result.plugins });
    expect(kernel.plugins.find((plugin) => plugin.name === "tool-repair")?.enabled).toBe(false);
  });

  it("names the file, the key path and the expected type for a bad plugin option", async () => {
    const file = write(path.join(project, "bridle.config.json"), { plugins: { compaction: { tier3: "high" } } });
    const result = await load();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file, keyPath: "plugins.compaction.tier3" });
    expect(result.issues[0]?.message).toMatch(/expected number, received string/);
  });

  it("names an unknown plugin and why it could not be loaded", async () => {
    const file = write(path.join(project, "bridle.config.json"), { plugins: { "no-such-plugin": true } });
    const result = await load();
    expect(result.issues).toHaveLength(1);
    expect(result.issues[0]).toMatchObject({ file, keyPath: "plugins.no-such-plugin" });
    expect(result.issues[0]?.message).toMatch(/unknown plugin "no-such-plugin".*cannot load it.*compaction, tool-repair/);
  });

  it("names unknown top-level keys and wrong types with the file", async () => {
    const file = write(path.join(project, "bridle.config.json"), { modle: "x", trace: "yes" });
    const result = await load();
    expect(result.issues).toContainEqual(expect.objectContaining({ file, keyPath: "modle", message: "unknown key" }));
    expect(result.issues).toContainEqual(expect.objectContaining({ file, keyPath: "trace", message: expect.stringMatching(/expected boolean/) }));
  });

  it("reports invalid JSON with line and column, and accepts comments", async () => {
    const file = write(path.join(project, "bridle.config.json"), '{\n  // the model\n  "model": "kimi-k2",\n  "gateway": \n}');
    const result = await load();
    expect(result.issues[0]?.file).toBe(`${file}:5:1`);
    expect(result.issues[0]?.message).toMatch(/invalid JSON/);
  });

  it("loads a third-party plugin from a package by name and validates its options", async () => {
    writeThirdPartyPackage(project, "bridle-plugin-loud", "loud");
    const file = write(path.join(project, "bridle.config.json"), { plugins: { "bridle-plugin-loud": { level: 3 } } });
    const result = await load();
    expect(result.issues).toEqual([]);
    const summary = result.summaries.find((entry) => entry.name === "loud");
    expect(summary).toMatchObject({ enabled: true, decidedBy: file });
    expect(summary?.origin).toContain(path.join("node_modules", "bridle-plugin-loud"));
    const kernel = createKernel({ plugins: result.plugins });
    expect(kernel.plugins.find((plugin) => plugin.name === "loud")?.options).toEqual({ level: 3, enabled: true });
    expect(kernel.hooks.onEvent.taps.map((tap) => tap.name)).toEqual(["loud"]);

    write(file, { plugins: { "bridle-plugin-loud": { level: 1.5 } } });
    const invalid = await load();
    expect(invalid.issues).toEqual([expect.objectContaining({ file, keyPath: "plugins.bridle-plugin-loud.level", message: expect.stringMatching(/expected int/) })]);
  });

  it("loads a third-party plugin by relative path", async () => {
    writeThirdPartyPackage(project, "unused", "by-path");
    write(path.join(project, "plugins", "by-path.js"), `export { default } from "unused";\n`);
    write(path.join(project, "bridle.config.json"), { plugins: { "./plugins/by-path.js": { level: 2 } } });
    const result = await load();
    expect(result.issues).toEqual([]);
    expect(result.summaries.find((entry) => entry.name === "by-path")).toMatchObject({ enabled: true, origin: path.join(project, "plugins", "by-path.js") });

    write(path.join(project, "bridle.config.json"), { plugins: { "./plugins/missing.js": true } });
    const missing = await load();
    expect(missing.issues[0]).toMatchObject({ keyPath: 'plugins["./plugins/missing.js"]', message: expect.stringMatching(/unknown plugin.*no such file/) });
  });

  it("applies presets from extends: a relative JSON file and an npm package", async () => {
    write(path.join(project, "presets", "team.json"), { model: "qwen3-coder", plugins: { compaction: { tier1: 0.3 } } });
    writeThirdPartyPackage(project, "bridle-plugin-loud", "loud");
    write(
      path.join(project, "node_modules", "bridle-preset-team", "package.json"),
      { name: "bridle-preset-team", type: "module", exports: "./index.js" },
    );
    write(
      path.join(project, "node_modules", "bridle-preset-team", "index.js"),
      `import { definePreset } from "@bridle/core";\nimport loud from "bridle-plugin-loud";\nexport default definePreset({ name: "team", plugins: [loud], config: { gateway: "together" } });\n`,
    );
    write(path.join(project, "bridle.config.json"), { extends: ["./presets/team.json", "bridle-preset-team"], plugins: { compaction: { tier3: 0.8 } } });
    const result = await load();
    expect(result.issues).toEqual([]);
    expect(result.settings).toMatchObject({ model: "qwen3-coder", gateway: "together" });
    expect(result.plugins.find((entry) => entry.plugin.name === "compaction")?.options).toEqual({ tier1: 0.3, tier3: 0.8, enabled: true });
    expect(result.summaries.find((entry) => entry.name === "loud")).toMatchObject({ enabled: true, origin: "preset team" });

    write(path.join(project, "bridle.config.json"), { extends: "./presets/nope.json" });
    const broken = await load();
    expect(broken.issues[0]).toMatchObject({ keyPath: "extends", message: expect.stringMatching(/cannot find preset/) });
  });

  it("rejects a bad --config path and a bad BRIDLE_TRACE", async () => {
    const result = await load({ configFile: "missing.json", environment: { BRIDLE_TRACE: "maybe" } });
    expect(result.issues).toContainEqual(expect.objectContaining({ message: expect.stringMatching(/does not exist/) }));
    expect(result.issues).toContainEqual(expect.objectContaining({ file: "environment", keyPath: "BRIDLE_TRACE" }));
  });
});

describe("buildConfigJsonSchema", () => {
  it("describes top-level keys and each plugin's options with defaults", () => {
    const schema = buildConfigJsonSchema([compaction, repair]) as { properties: Record<string, any> };
    expect(schema.properties.model.description).toMatch(/model/);
    const options = schema.properties.plugins.properties.compaction.anyOf[1];
    expect(options.properties.tier3).toMatchObject({ type: "number", default: 0.9, description: "Tier 3 threshold." });
    expect(options.properties.enabled).toMatchObject({ type: "boolean", default: true });
    expect(options.additionalProperties).toBe(false);
  });
});
