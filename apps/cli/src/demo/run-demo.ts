import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import type { AgentEvent } from "@bridle/core";
import { startGatewaySim } from "@bridle/gateway-sim";
import { ExitCode } from "../exit-codes.js";
import { createTextRenderer } from "../headless/text-renderer.js";
import { runInteractive } from "../interactive/run-interactive.js";
import { createRuntime } from "../runtime/create-runtime.js";
import { writeDemoProject } from "./demo-project.js";
import { DEMO_TASK, demoScenario } from "./demo-scenario.js";

/** The gateway and model the demo simulates. */
export const DEMO_GATEWAY = "fireworks";
export const DEMO_MODEL = "accounts/fireworks/models/qwen3-coder-480b-a35b-instruct";

export interface DemoOptions {
  output: "text" | "stream-json";
  /** Open the interactive screen with the task submitted, instead of running it unattended. */
  interactive?: boolean;
  stdout: NodeJS.WritableStream;
  stderr: NodeJS.WritableStream;
}

/**
 * The offline demo: a real agent session over real HTTP against the gateway simulator, whose
 * scripted open model reads, edits and tests a small project in a temp directory. No key and no
 * network needed; the user's own keys are never passed to it.
 */
export async function runDemo(options: DemoOptions): Promise<number> {
  const base = mkdtempSync(path.join(tmpdir(), "bridle-demo-"));
  const project = path.join(base, "project");
  writeDemoProject(project);
  const sim = await startGatewaySim({ profiles: [DEMO_GATEWAY], scenario: demoScenario });
  // The demo's own user config: Bridle wrote it, so it may point the gateway at the simulator.
  const configFile = path.join(base, "config", "bridle", "config.json");
  mkdirSync(path.dirname(configFile), { recursive: true });
  writeFileSync(
    configFile,
    `${JSON.stringify({ model: DEMO_MODEL, gateway: DEMO_GATEWAY, gateways: { [DEMO_GATEWAY]: { baseURL: sim.baseURL(DEMO_GATEWAY) } }, permissions: { mode: "allow-all" } }, null, 2)}\n`,
  );
  const environment: NodeJS.ProcessEnv = {
    PATH: process.env.PATH,
    HOME: base,
    XDG_CONFIG_HOME: path.join(base, "config"),
    XDG_DATA_HOME: path.join(base, "data"),
    FIREWORKS_API_KEY: sim.apiKey(DEMO_GATEWAY),
  };
  const say = (text: string) => options.stderr.write(`${text}\n`);
  try {
    const runtime = await createRuntime({ global: {}, cwd: project, environment, permissionMode: "allow-all" });
    if (options.output === "text") {
      say(`Bridle demo: a scripted ${DEMO_MODEL.split("/").at(-1)} on a simulated ${DEMO_GATEWAY} gateway (offline, loopback ${sim.url}).`);
      say(`Project: ${project}`);
      say(`Task: ${DEMO_TASK}\n`);
    }
    const write = (event: AgentEvent) => options.stdout.write(`${JSON.stringify(event)}\n`);
    const render = options.output === "text" ? createTextRenderer(options.stdout, options.stderr) : write;
    if (options.output === "stream-json") {
      options.stdout.write(`${JSON.stringify({ type: "session", id: runtime.session.id, file: runtime.session.file, resumed: false, model: runtime.agent.model.id, gateway: runtime.agent.gateway })}\n`);
    }
    for (const event of runtime.startupFeed) render({ type: "feed", event });
    let reason: string;
    if (options.interactive) {
      const code = await runInteractive(runtime, { initialPrompt: DEMO_TASK, environment });
      reason = code === ExitCode.OK ? "stop" : "interrupted";
    } else {
      reason = (await runtime.agent.runTurn(DEMO_TASK, { signal: new AbortController().signal, onEvent: render })).reason;
      runtime.close();
    }
    // The demo is only a success if the project's tests really pass now.
    const check = spawnSync(process.execPath, ["--test"], { cwd: project, encoding: "utf8", env: { PATH: process.env.PATH } });
    const passed = reason === "stop" && check.status === 0;
    if (options.output === "text") {
      say(`\n${passed ? "✓ The demo's tests pass now." : `✗ The demo did not fix the project (turn: ${reason}, tests exit ${check.status}).`} ${sim.requests.all().length} requests went to the simulated gateway.`);
      say(`Files are left in ${base} (the project, its session log under data/).`);
    }
    return passed ? ExitCode.OK : ExitCode.FAILURE;
  } finally {
    await sim.close();
  }
}
