import { mkdirSync, mkdtempSync, readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readSessionFile, type SessionRecord } from "@bridle/core";
import { type GatewaySim, type ProfileSpec, type ScenarioInput, startGatewaySim } from "@bridle/gateway-sim";
import { createRuntime, type Runtime, type RuntimeOptions } from "bridle";

export interface SimWorkspaceOptions {
  /** Simulator profiles; each becomes a gateway of the same name in the user's config. */
  profiles: ProfileSpec[];
  scenario?: ScenarioInput;
  /** The project's `bridle.config.json`. */
  config?: Record<string, unknown>;
  /** Merged into the user's config (which points every profile at the simulator and trusts the project). */
  userConfig?: Record<string, unknown>;
  /** Variables added to the environment; `undefined` removes one (a gateway's key, say). */
  environment?: Record<string, string | undefined>;
}

/** A temp project whose user config points Bridle's gateways at a running simulator. */
export interface SimWorkspace {
  sim: GatewaySim;
  /** The project folder (real path): the workspace Bridle runs in. */
  project: string;
  /** The environment a run gets: temp HOME and XDG homes, and each profile's simulator key. */
  environment: Record<string, string>;
  /**
   * The real runtime the CLI builds (config, default preset, kernel, transport, tools, session),
   * in this process. Like the CLI's, this process's environment is the workspace's until `close`:
   * plugins read keys from `process.env`, as they do in the `bridle` process.
   */
  runtime(options?: Partial<Pick<RuntimeOptions, "global" | "permissionMode" | "resume">>): Promise<Runtime>;
  /** Every session file written so far, oldest first. */
  sessionFiles(): string[];
  /** The records of the only session file; fails when there is none or several. */
  records(): SessionRecord[];
  close(): Promise<void>;
}

/** The variable the built-in gateway of a simulator profile reads its key from. */
export function keyVariable(profile: string): string {
  return `${profile.toUpperCase()}_API_KEY`;
}

/**
 * Starts a simulator and a project using it, as a user who set Bridle up would: the user's
 * config points each hosted profile's gateway at the simulator and trusts the project, the keys
 * are in the environment, and config, data and cache homes are private to the workspace.
 */
export async function startSimWorkspace(options: SimWorkspaceOptions): Promise<SimWorkspace> {
  const sim = await startGatewaySim({ profiles: options.profiles, ...(options.scenario ? { scenario: options.scenario } : {}) });
  const root = realpathSync(mkdtempSync(path.join(tmpdir(), "bridle-reliability-")));
  const project = path.join(root, "project");
  const homes = { config: path.join(root, "config"), data: path.join(root, "data"), cache: path.join(root, "cache") };
  mkdirSync(project, { recursive: true });
  mkdirSync(path.join(homes.config, "bridle"), { recursive: true, mode: 0o700 });
  writeFileSync(path.join(project, "bridle.config.json"), JSON.stringify(options.config ?? {}, null, 2));
  const userConfig = {
    gateways: Object.fromEntries(sim.profiles.map((profile) => [profile, { baseURL: sim.baseURL(profile) }])),
    trustedFolders: [project],
    ...options.userConfig,
  };
  writeFileSync(path.join(homes.config, "bridle", "config.json"), JSON.stringify(userConfig, null, 2), { mode: 0o600 });
  const environment: Record<string, string> = {
    PATH: process.env.PATH ?? "",
    HOME: root,
    XDG_CONFIG_HOME: homes.config,
    XDG_DATA_HOME: homes.data,
    XDG_CACHE_HOME: homes.cache,
  };
  for (const profile of sim.profiles) {
    const key = sim.keys[profile];
    if (key) environment[keyVariable(profile)] = key;
  }
  for (const [name, value] of Object.entries(options.environment ?? {})) {
    if (value === undefined) delete environment[name];
    else environment[name] = value;
  }
  const opened: Runtime[] = [];
  let restore: NodeJS.ProcessEnv | undefined;
  const sessionFiles = () => (readdirSafe(homes.data).length === 0 ? [] : walk(homes.data).filter((file) => file.endsWith(".jsonl")));
  return {
    sim,
    project,
    environment,
    async runtime(runtimeOptions = {}) {
      if (!restore) {
        restore = { ...process.env };
        for (const name of Object.keys(process.env)) delete process.env[name];
        Object.assign(process.env, environment);
      }
      const runtime = await createRuntime({ global: {}, cwd: project, environment, permissionMode: "allow-all", ...runtimeOptions });
      opened.push(runtime);
      return runtime;
    },
    sessionFiles,
    records() {
      const files = sessionFiles();
      if (files.length !== 1) throw new Error(`expected one session file, found ${files.length}: ${files.join(", ")}`);
      return readSessionFile(files[0]!).records;
    },
    async close() {
      for (const runtime of opened) runtime.close();
      if (restore) {
        for (const name of Object.keys(process.env)) delete process.env[name];
        Object.assign(process.env, restore);
      }
      await sim.close();
      rmSync(root, { recursive: true, force: true });
    },
  };
}

function readdirSafe(folder: string): string[] {
  try {
    return readdirSync(folder);
  } catch {
    return [];
  }
}

function walk(folder: string): string[] {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(folder, entry.name);
    return entry.isDirectory() ? walk(full) : [full];
  });
}
