import { existsSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { makeProjectDirectory, runCli } from "./run-cli.js";

let directory: string | undefined;
let demoBase: string | undefined;
afterEach(() => {
  for (const folder of [directory, demoBase]) if (folder) rmSync(folder, { recursive: true, force: true });
  directory = demoBase = undefined;
});

describe("bridle demo", () => {
  it("runs to the end unattended with no key, fixes the project, and names where it left the files", () => {
    directory = makeProjectDirectory();
    const result = runCli(["demo"], { cwd: directory });
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("The demo's tests pass now.");
    expect(result.stdout).toMatch(/repaired a call to read: drop-null-optional/);
    expect(result.stdout).toMatch(/parsed 1 tool call the model wrote as qwen3-coder-xml/);
    const base = /Files are left in (\S+) /.exec(result.stdout)?.[1];
    expect(base).toBeDefined();
    demoBase = base;
    const fixed = readFileSync(path.join(base!, "project", "src", "slugify.js"), "utf8");
    expect(fixed).toContain('.replace(/\\s+/g, "-")');
    expect(existsSync(path.join(base!, "data"))).toBe(true);
  });

  it("prints stream-json events with --output stream-json", () => {
    directory = makeProjectDirectory();
    const result = runCli(["demo", "--output", "stream-json"], { cwd: directory });
    expect(result.code).toBe(0);
    const events = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { type: string; file?: string });
    const types = events.map((event) => event.type);
    expect(types[0]).toBe("session");
    demoBase = path.dirname(path.dirname(path.dirname(path.dirname(path.dirname(events[0]!.file!)))));
    expect(path.basename(demoBase)).toMatch(/^bridle-demo-/);
    expect(types.at(-1)).toBe("done");
    expect(types).toContain("tool_call");
  });

  it("is what `bridle` runs with no key and no terminal to ask in", () => {
    directory = makeProjectDirectory();
    const result = runCli([], { cwd: directory });
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/no API key is set for any gateway/);
    expect(result.stderr).toMatch(/No terminal to ask in: running the offline demo/);
    expect(result.stdout).toContain("The demo's tests pass now.");
    demoBase = /Files are left in (\S+) /.exec(result.stdout)?.[1];
  });

  it("with a key but no terminal, points to bridle run and exits 2", () => {
    directory = makeProjectDirectory();
    const result = runCli([], { cwd: directory, env: { GROQ_API_KEY: "gsk_test_key_0123456789" } });
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/bridle run/);
  });
});
