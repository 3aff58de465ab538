import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const cliRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const binPath = path.join(cliRoot, "dist", "bin.js");

/**
 * A temp directory inside the CLI package, so that files written there (third-party plugins)
 * resolve `@bridle/core` and `zod` from the CLI's own node_modules, as in a user's project.
 */
export function makeProjectDirectory(): string {
  const base = path.join(cliRoot, ".bridle-tmp");
  mkdirSync(base, { recursive: true });
  return mkdtempSync(path.join(base, "project-"));
}

export function writeFile(file: string, content: unknown): string {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, typeof content === "string" ? content : JSON.stringify(content, null, 2));
  return file;
}

/** Runs the built `bridle` binary as a process, with no user config and no keys. */
export function runCli(args: string[], options: { cwd: string; env?: Record<string, string> }) {
  const result = spawnSync(process.execPath, [binPath, ...args], {
    cwd: options.cwd,
    encoding: "utf8",
    env: { PATH: process.env.PATH ?? "", HOME: options.cwd, XDG_CONFIG_HOME: path.join(options.cwd, ".xdg"), ...options.env },
    timeout: 30_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

/**
 * Writes the user's own config file, `<configHome>/bridle/config.json` (where XDG_CONFIG_HOME
 * points), private to the user as Bridle keeps it when it edits the file.
 */
export function writeUserConfig(configHome: string, value: Record<string, unknown>): string {
  const file = path.join(configHome, "bridle", "config.json");
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, JSON.stringify(value, null, 2), { mode: 0o600 });
  return file;
}
