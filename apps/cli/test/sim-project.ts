import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { type GatewaySim, type ProfileSpec, type ScenarioInput, startGatewaySim } from "@bridle/gateway-sim";
import { PLANTED_ENVIRONMENT, stateHomes } from "./planted-secrets.js";
import { binPath, makeProjectDirectory, writeFile, writeUserConfig } from "./run-cli.js";

export const GROQ_KIMI = "moonshotai/kimi-k2-instruct-0905";

/** A temp project whose config points Bridle at a running simulator, with the sim's keys in env. */
export interface SimProject {
  sim: GatewaySim;
  directory: string;
  environment: Record<string, string>;
  /** XDG_CONFIG_HOME: the user's config is `<configHome>/bridle/config.json`. */
  configHome: string;
  /** Every session file written so far. */
  sessionFiles(): string[];
  close(): Promise<void>;
}

/**
 * Starts a simulator and a project using it. The user's config (under the temp HOME) points the
 * gateways at the simulator and trusts the project folder, as a user who set Bridle up would;
 * `trusted: false` leaves the folder untrusted, and `config` goes into the project's file.
 */
export async function startSimProject(
  options: { profiles?: ProfileSpec[]; scenario?: ScenarioInput; files?: Record<string, string>; config?: Record<string, unknown>; userConfig?: Record<string, unknown>; trusted?: boolean } = {},
): Promise<SimProject> {
  const specs = options.profiles ?? ["groq"];
  const profiles = specs.map((spec) => (typeof spec === "string" ? spec : (spec.name ?? spec.profile)));
  const sim = await startGatewaySim({ profiles: specs, ...(options.scenario ? { scenario: options.scenario } : {}) });
  const directory = makeProjectDirectory();
  const project = path.join(directory, "project");
  for (const [file, content] of Object.entries(options.files ?? {})) writeFile(path.join(project, file), content);
  writeFile(path.join(project, "bridle.config.json"), { model: GROQ_KIMI, gateway: profiles[0], ...options.config });
  const homes = stateHomes(path.basename(directory));
  writeUserConfig(homes.config, {
    gateways: Object.fromEntries(profiles.map((profile) => [profile, { baseURL: sim.baseURL(profile) }])),
    ...(options.trusted === false ? {} : { trustedFolders: [project] }),
    ...options.userConfig,
  });
  const keys: Record<string, string> = {};
  for (const profile of profiles) {
    const key = sim.keys[profile];
    if (key) keys[`${profile.toUpperCase()}_API_KEY`] = key;
  }
  const environment = {
    PATH: process.env.PATH ?? "",
    HOME: directory,
    XDG_CONFIG_HOME: homes.config,
    XDG_DATA_HOME: homes.data,
    XDG_CACHE_HOME: homes.cache,
    ...PLANTED_ENVIRONMENT,
    ...keys,
  };
  return {
    sim,
    directory: project,
    environment,
    configHome: homes.config,
    sessionFiles() {
      const found: string[] = [];
      const walk = (folder: string) => {
        for (const entry of readdirSync(folder, { withFileTypes: true })) {
          const full = path.join(folder, entry.name);
          if (entry.isDirectory()) walk(full);
          else if (entry.name.endsWith(".jsonl")) found.push(full);
        }
      };
      walk(homes.data);
      return found;
    },
    close: () => sim.close(),
  };
}

/** A running `bridle` process with its output collected. */
export interface CliProcess {
  child: ChildProcess;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code (or the signal name). */
  exited: Promise<number | string>;
  /** Resolves when stdout or stderr contains the text. */
  waitFor(text: string | RegExp, timeoutMs?: number): Promise<void>;
}

export function startCli(args: string[], project: Pick<SimProject, "directory" | "environment">, extraEnvironment: Record<string, string> = {}): CliProcess {
  const child = spawn(process.execPath, [binPath, ...args], { cwd: project.directory, env: { ...project.environment, ...extraEnvironment }, stdio: ["ignore", "pipe", "pipe"] });
  let stdout = "";
  let stderr = "";
  const waiters: Array<() => void> = [];
  child.stdout!.on("data", (chunk: Buffer) => {
    stdout += chunk.toString();
    for (const waiter of waiters) waiter();
  });
  child.stderr!.on("data", (chunk: Buffer) => {
    stderr += chunk.toString();
    for (const waiter of waiters) waiter();
  });
  const exited = new Promise<number | string>((resolve) => child.on("exit", (code, signal) => resolve(code ?? signal ?? "unknown")));
  return {
    child,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    waitFor(text, timeoutMs = 15_000) {
      return new Promise<void>((resolve, reject) => {
        const matches = () => (typeof text === "string" ? (stdout + stderr).includes(text) : text.test(stdout + stderr));
        const timer = setTimeout(() => reject(new Error(`timed out waiting for ${String(text)}; stdout: ${stdout.slice(-500)} stderr: ${stderr.slice(-500)}`)), timeoutMs);
        const check = () => {
          if (matches()) {
            clearTimeout(timer);
            resolve();
          }
        };
        waiters.push(check);
        check();
      });
    },
  };
}

/** Runs the CLI to its end. */
export async function runCliToEnd(args: string[], project: SimProject, extraEnvironment: Record<string, string> = {}) {
  const process = startCli(args, project, extraEnvironment);
  const code = await process.exited;
  return { code, stdout: process.stdout(), stderr: process.stderr() };
}

/** Polls until the condition holds. */
export async function until(condition: () => boolean, timeoutMs = 15_000, what = "condition"): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

export function readRecords(file: string): Array<Record<string, any>> {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, any>);
}

/** Processes of a process group that still run (zombies, which run nothing, aside), as `ps` lists them. */
export function runningInGroup(group: number): string[] {
  const listing = spawnSync("ps", ["-eo", "pgid=,stat=,args="], { encoding: "utf8" }).stdout;
  return listing.split("\n").filter((line) => {
    const [pgid, stat] = line.trim().split(/\s+/);
    return Number(pgid) === group && stat !== undefined && !stat.startsWith("Z");
  });
}
