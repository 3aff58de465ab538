import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { type GatewaySim, type ProfileSpec, type ScenarioInput, startGatewaySim } from "@bridle/gateway-sim";
import { bridleBinary } from "./cli-binary.js";

/** A temp project and user home whose config points the gateways at a running simulator. */
export interface CliProject {
  sim: GatewaySim;
  /** The workspace `bridle` runs in. */
  workspace: string;
  environment: Record<string, string>;
  /** Runs `bridle <args>` in the workspace to its end. */
  run(args: string[]): Promise<CliRun>;
  /** Starts `bridle <args>` without waiting for it. */
  start(args: string[]): RunningCli;
  /** The one session file written so far; `undefined` before there is one (throws when there are several). */
  sessionFile(): string | undefined;
  /** The records of the one session file written so far (throws when there is not exactly one). */
  sessionRecords(): SessionLine[];
  close(): Promise<void>;
}

export interface CliRun {
  code: number | string;
  stdout: string;
  stderr: string;
  /** The `--output stream-json` lines. */
  events: Array<Record<string, any>>;
}

export interface RunningCli {
  child: ChildProcess;
  exited: Promise<number | string>;
}

/** One line of a session file. */
export type SessionLine = Record<string, any> & { type: string };

/**
 * Starts a simulator and a trusted project using it, as a user who set Bridle up would: the
 * user's config points each profile's gateway at the simulator (a profile with overrides stands
 * in for the built-in gateway it was made from), each key is in its own variable, and the project
 * config names the model and gateway. Nothing reaches outside 127.0.0.1.
 */
export async function startCliProject(options: {
  profiles: ProfileSpec[];
  scenario?: ScenarioInput;
  model: string;
  gateway: string;
  files?: Record<string, string>;
  config?: Record<string, unknown>;
  /** Key variable per gateway where it is not `<GATEWAY>_API_KEY` (`vercel`: `AI_GATEWAY_API_KEY`). */
  keyVariables?: Record<string, string>;
}): Promise<CliProject> {
  const sim = await startGatewaySim({ profiles: options.profiles, ...(options.scenario ? { scenario: options.scenario } : {}) });
  const home = mkdtempSync(path.join(tmpdir(), "bridle-reliability-"));
  const workspace = path.join(home, "project");
  const homes = { config: path.join(home, "config"), data: path.join(home, "data"), cache: path.join(home, "cache") };
  for (const [file, content] of Object.entries(options.files ?? {})) write(path.join(workspace, file), content);
  write(path.join(workspace, "bridle.config.json"), JSON.stringify({ model: options.model, gateway: options.gateway, ...options.config }));
  // Each profile stands in for the built-in gateway it was made from (a renamed copy included).
  const hosted = options.profiles.map((spec) => (typeof spec === "string" ? { gateway: spec, profile: spec } : { gateway: spec.profile, profile: spec.name ?? spec.profile }));
  write(
    path.join(homes.config, "bridle", "config.json"),
    JSON.stringify({ gateways: Object.fromEntries(hosted.map(({ gateway, profile }) => [gateway, { baseURL: sim.baseURL(profile) }])), trustedFolders: [workspace] }),
  );
  const keys = Object.fromEntries(hosted.map(({ gateway, profile }) => [options.keyVariables?.[gateway] ?? `${gateway.toUpperCase()}_API_KEY`, sim.apiKey(profile)]));
  const environment = { PATH: process.env.PATH ?? "", HOME: home, XDG_CONFIG_HOME: homes.config, XDG_DATA_HOME: homes.data, XDG_CACHE_HOME: homes.cache, ...keys };
  const start = (args: string[]): RunningCli & { output: { stdout: string; stderr: string } } => {
    const child = spawn(process.execPath, [bridleBinary, ...args], { cwd: workspace, env: environment, stdio: ["ignore", "pipe", "pipe"] });
    const output = { stdout: "", stderr: "" };
    child.stdout!.on("data", (chunk: Buffer) => (output.stdout += chunk.toString()));
    child.stderr!.on("data", (chunk: Buffer) => (output.stderr += chunk.toString()));
    const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
    return { child, exited, output };
  };
  const sessionFile = (): string | undefined => {
    const files = findFiles(homes.data, ".jsonl");
    if (files.length > 1) throw new Error(`expected one session file, found ${files.length}: ${files.join(", ")}`);
    return files[0];
  };
  return {
    sim,
    workspace,
    environment,
    start,
    async run(args) {
      const running = start(args);
      const code = await running.exited;
      const { stdout, stderr } = running.output;
      const events = stdout
        .split("\n")
        .filter((line) => line.startsWith("{"))
        .map((line) => JSON.parse(line) as Record<string, any>);
      return { code, stdout, stderr, events };
    },
    sessionFile,
    sessionRecords() {
      const file = sessionFile();
      if (file === undefined) throw new Error("no session file was written");
      return readFileSync(file, "utf8")
        .split("\n")
        .filter((line) => line.trim() !== "")
        .map((line) => JSON.parse(line) as SessionLine);
    },
    async close() {
      await sim.close();
      rmSync(home, { recursive: true, force: true });
    },
  };
}

/** The conversation messages a session file holds, in order (compactions not followed). */
export function loggedMessages(records: readonly SessionLine[]): Array<Record<string, any>> {
  return records.filter((record) => record.type === "message").map((record) => record.message as Record<string, any>);
}

function write(file: string, content: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, content);
}

function findFiles(folder: string, suffix: string): string[] {
  let found: string[] = [];
  let entries;
  try {
    entries = readdirSync(folder, { withFileTypes: true });
  } catch {
    return [];
  }
  for (const entry of entries) {
    const full = path.join(folder, entry.name);
    if (entry.isDirectory()) found = found.concat(findFiles(full, suffix));
    else if (entry.name.endsWith(suffix)) found.push(full);
  }
  return found;
}
