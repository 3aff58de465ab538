import { rmSync } from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { makeProjectDirectory, runCli, writeFile, writeUserConfig } from "./run-cli.js";

const thirdPartyPlugin = `import { definePlugin } from "@bridle/core";
import { z } from "zod";
export default definePlugin({
  name: "shout",
  description: "a plugin from the project",
  options: z.object({ volume: z.number().int().default(3).describe("How loud.") }),
  apply() {},
});
`;

let project: string;
beforeEach(() => {
  project = makeProjectDirectory();
});
afterEach(() => rmSync(project, { recursive: true, force: true }));

describe("bridle --version and --help", () => {
  it("prints the version and the commands", () => {
    const version = runCli(["--version"], { cwd: project });
    expect(version.code).toBe(0);
    expect(version.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/);
    const help = runCli(["--help"], { cwd: project });
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("plugins");
    expect(help.stdout).toContain("config");
  });

  it("exits 2 on an unknown command", () => {
    const result = runCli(["frobnicate"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/unknown command 'frobnicate'/);
  });
});

describe("bridle config check", () => {
  it("rejects a gateway nobody defines and a permission rule naming no tool, with what was meant", () => {
    writeFile(path.join(project, "bridle.config.json"), { model: "kimi-k2", gateway: "grok", permissions: { deny: ["raed(.env)"] } });
    // Allow rules count only from the user's own config (a repository cannot widen permissions).
    writeUserConfig(path.join(project, ".xdg"), { permissions: { allow: ["bsh(npm test*)", "bash(git status)"] } });
    const result = runCli(["config", "check"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stdout).not.toContain("valid");
    expect(result.stderr).toContain(`${path.join(project, "bridle.config.json")}: gateway: unknown gateway "grok"; did you mean "groq"?`);
    expect(result.stderr).toMatch(/permissions\.allow\[0\]: rule "bsh\(npm test\*\)" names no tool "bsh"; did you mean "bash"\?/);
    expect(result.stderr).toMatch(/permissions\.deny\[0\]: rule "raed\(\.env\)" names no tool "raed"; did you mean "read"\?/);
    expect(result.stderr).not.toContain("allow[1]");
  });

  it("names the file that holds a bad rule, and its index there, whichever file set the others", () => {
    // The user's deny rule comes first in the merged list; the repository's own starts at its index 0.
    writeFile(path.join(project, "bridle.config.json"), { permissions: { deny: ["raed(.env)"] } });
    const userFile = writeUserConfig(path.join(project, ".xdg"), { permissions: { allow: ["bsh(npm test*)"], deny: ["wirte(secrets/**)", "read(.env)"] } });
    const result = runCli(["config", "check"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${userFile}: permissions.allow[0]: rule "bsh(npm test*)"`);
    expect(result.stderr).toContain(`${userFile}: permissions.deny[0]: rule "wirte(secrets/**)"`);
    expect(result.stderr).toContain(`${path.join(project, "bridle.config.json")}: permissions.deny[0]: rule "raed(.env)"`);
    expect(result.stderr.match(/names no tool/g)).toHaveLength(3);
  });

  it("names the key an unknown one was probably meant to be", () => {
    writeFile(path.join(project, "bridle.config.json"), { modle: "kimi-k2" });
    const result = runCli(["config", "check"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('modle: unknown key; did you mean "model"?');
  });

  it("exits 0 on a valid config", () => {
    writeFile(path.join(project, "plugins", "shout.js"), thirdPartyPlugin);
    writeFile(path.join(project, "bridle.config.json"), { model: "kimi-k2", plugins: { "./plugins/shout.js": { volume: 5 } } });
    const result = runCli(["--trust", "config", "check"], { cwd: project });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("configuration is valid");
    expect(result.stdout).toContain(path.join(project, "bridle.config.json"));
  });

  it("exits 2 naming a plugin that does not exist", () => {
    const file = writeFile(path.join(project, "bridle.config.json"), { plugins: { "bridle-plugin-nowhere": true } });
    const result = runCli(["--trust", "config", "check"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: plugins.bridle-plugin-nowhere: unknown plugin "bridle-plugin-nowhere"`);
  });

  it("exits 2 naming the key path and the expected type of a bad option", () => {
    writeFile(path.join(project, "plugins", "shout.js"), thirdPartyPlugin);
    const file = writeFile(path.join(project, "bridle.config.json"), { plugins: { "./plugins/shout.js": { volume: "loud" } } });
    const result = runCli(["--trust", "config", "check"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: plugins["./plugins/shout.js"].volume: expected number, received string`);
  });

  it("exits 2 naming the key path and expected type of a bad option of a built-in plugin", () => {
    const file = writeFile(path.join(project, "bridle.config.json"), { plugins: { "tool-repair": { extractLeakedCalls: "yes" }, "model-id": false } });
    const result = runCli(["config", "check"], { cwd: project });
    expect(result.code).toBe(2);
    expect(result.stderr).toContain(`${file}: plugins.tool-repair.extractLeakedCalls: expected boolean, received string`);
    writeFile(file, { plugins: { "tool-repair": { extractLeakedCalls: false }, "model-id": false } });
    expect(runCli(["config", "check"], { cwd: project }).code).toBe(0);
    const listed = JSON.parse(runCli(["plugins", "--json"], { cwd: project }).stdout) as { plugins: Array<{ name: string; enabled: boolean; decidedBy: string }> };
    expect(listed.plugins).toContainEqual(expect.objectContaining({ name: "model-id", enabled: false, decidedBy: file }));
    expect(listed.plugins).toContainEqual(expect.objectContaining({ name: "tool-repair", enabled: true, decidedBy: file }));
  });

  it("checks the file given with --config and names a missing one", () => {
    const file = writeFile(path.join(project, "other.json"), { trace: "sometimes" });
    const bad = runCli(["--config", "other.json", "config", "check"], { cwd: project });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain(`${file}: trace: expected boolean, received string`);
    const missing = runCli(["--config", "nope.json", "config", "check"], { cwd: project });
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("does not exist");
  });
});

describe("bridle plugins", () => {
  it("lists each plugin, enabled or not, and the file that decided it", () => {
    writeFile(path.join(project, "plugins", "shout.js"), thirdPartyPlugin);
    const file = writeFile(path.join(project, "bridle.config.json"), { plugins: { "./plugins/shout.js": false } });
    const result = runCli(["--trust", "plugins", "--json"], { cwd: project });
    expect(result.code).toBe(0);
    const listed = JSON.parse(result.stdout) as { plugins: Array<{ name: string; enabled: boolean; decidedBy: string }> };
    expect(listed.plugins).toContainEqual(expect.objectContaining({ name: "shout", enabled: false, decidedBy: file }));
    const text = runCli(["--trust", "plugins"], { cwd: project });
    expect(text.stdout).toMatch(/shout\s+disabled\s+/);
  });
});

describe("bridle config schema", () => {
  it("prints a JSON Schema of the config file", () => {
    const result = runCli(["config", "schema"], { cwd: project });
    expect(result.code).toBe(0);
    const schema = JSON.parse(result.stdout) as { properties: Record<string, unknown> };
    expect(Object.keys(schema.properties)).toEqual(expect.arrayContaining(["model", "gateway", "plugins", "extends"]));
  });
});
