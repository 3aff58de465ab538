import { mkdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type GatewaySim, type ScenarioInput, startGatewaySim } from "@bridle/gateway-sim";
import type { PermissionPrompt } from "../src/runtime/authorize.js";
import { createRuntime, type Runtime } from "../src/runtime/create-runtime.js";
import { makeProjectDirectory, writeUserConfig } from "./run-cli.js";

/** The model the interactive tests start on, as the simulated Fireworks gateway spells it. */
export const START_MODEL = "accounts/fireworks/models/qwen3-coder-480b-a35b-instruct";
/** Another model the simulated Fireworks gateway serves. */
export const OTHER_MODEL = "accounts/fireworks/models/kimi-k2-instruct-0905";

/** A runtime talking to a gateway simulator over loopback HTTP, in a temp project. */
export interface SimRuntime {
  runtime: Runtime;
  sim: GatewaySim;
  project: string;
  environment: NodeJS.ProcessEnv;
  close(): Promise<void>;
}

/**
 * Starts a gateway simulator hosting Fireworks with `scenario`, writes a project whose config
 * points at it, and creates the real runtime there (session log under the project).
 */
export async function startSimRuntime(scenario: ScenarioInput, options: { ask?: PermissionPrompt; config?: Record<string, unknown> } = {}): Promise<SimRuntime> {
  const sim = await startGatewaySim({ profiles: ["fireworks"], scenario });
  const project = realpathSync(makeProjectDirectory());
  mkdirSync(path.join(project, "src"), { recursive: true });
  writeFileSync(path.join(project, "src", "a.txt"), "one\ntwo\nthree\n");
  writeFileSync(
    path.join(project, "bridle.config.json"),
    JSON.stringify({ model: START_MODEL, gateway: "fireworks", ...options.config }),
  );
  // The user pointed the gateway at the simulator and trusts the project.
  writeUserConfig(path.join(project, ".xdg"), { gateways: { fireworks: { baseURL: sim.baseURL("fireworks") } }, trustedFolders: [project] });
  const environment: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: project,
    XDG_CONFIG_HOME: path.join(project, ".xdg"),
    XDG_DATA_HOME: path.join(project, ".data"),
    FIREWORKS_API_KEY: sim.apiKey("fireworks"),
  };
  const runtime = await createRuntime({ global: {}, cwd: project, environment, ...(options.ask ? { ask: options.ask } : {}) });
  return {
    runtime,
    sim,
    project,
    environment,
    async close() {
      runtime.close();
      await sim.close();
      rmSync(project, { recursive: true, force: true });
    },
  };
}
