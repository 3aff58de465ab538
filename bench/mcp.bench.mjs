// What MCP servers cost a session: the time they add before the first request (the first request
// waits for them; `bridle run` as a process against the simulator), and the time they add to
// building the runtime, which is what the screen waits for before its first paint (they start
// in parallel with it, so this should stay near zero).
import { spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startGatewaySim } from "@bridle/gateway-sim";
import { everythingServer, filesystemServer } from "@bridle/plugin-mcp/testing";
import { measureEach } from "./measure.mjs";

export const name = "mcp";

const cliDist = new URL("../apps/cli/dist/", import.meta.url);
const binPath = fileURLToPath(new URL("bin.js", cliDist));
const { createRuntime } = await import(new URL("index.js", cliDist).href);

/** Milliseconds from starting `bridle run` to the simulator receiving its first request. */
function timeToFirstRequest(sim, directory, environment) {
  const before = sim.requests.completions().length;
  const started = performance.now();
  const child = spawn(process.execPath, [binPath, "run", "hi"], { cwd: directory, env: environment, stdio: "ignore" });
  return new Promise((resolve, reject) => {
    const poll = setInterval(() => {
      if (sim.requests.completions().length > before) {
        clearInterval(poll);
        resolve(performance.now() - started);
      }
    }, 1);
    child.once("exit", (code) => {
      clearInterval(poll);
      if (sim.requests.completions().length > before) resolve(performance.now() - started);
      else reject(new Error(`bridle run exited with ${code} before any request`));
    });
  }).finally(() => new Promise((done) => (child.exitCode !== null ? done() : child.once("exit", done))));
}

export async function run() {
  const sim = await startGatewaySim({ profiles: ["groq"], scenario: { steps: [{ repeat: true, content: "Done." }] } });
  const root = mkdtempSync(path.join(tmpdir(), "bridle-bench-mcp-"));
  const rows = [];
  try {
    const project = path.join(root, "project");
    mkdirSync(project, { recursive: true });
    // Everything in the user's own config: a repository's could not point a gateway anywhere.
    const userConfig = { model: "moonshotai/kimi-k2-instruct-0905", gateway: "groq", gateways: { groq: { baseURL: sim.baseURL("groq") } } };
    const environment = (config) => ({
      PATH: process.env.PATH ?? "",
      HOME: root,
      XDG_CONFIG_HOME: path.join(root, config),
      XDG_DATA_HOME: path.join(root, "data"),
      GROQ_API_KEY: sim.apiKey("groq"),
    });
    // Two stdio servers in the user's config (trusted), none in the other.
    const servers = { mcp: { everything: { command: process.execPath, args: [everythingServer(), "stdio"] }, files: { command: process.execPath, args: [filesystemServer(), project] } } };
    for (const [folder, config] of [["without-mcp", userConfig], ["with-mcp", { ...userConfig, ...servers }]]) {
      mkdirSync(path.join(root, folder, "bridle"), { recursive: true });
      writeFileSync(path.join(root, folder, "bridle", "config.json"), JSON.stringify(config));
    }
    const plain = environment("without-mcp");
    const withMcp = environment("with-mcp");

    // Alternate the two so machine noise falls on both alike.
    const samples = { plain: [], mcp: [] };
    for (let index = 0; index < 9; index++) {
      samples.plain.push(await timeToFirstRequest(sim, project, plain));
      samples.mcp.push(await timeToFirstRequest(sim, project, withMcp));
    }
    const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
    const base = median(samples.plain.slice(1));
    const connected = median(samples.mcp.slice(1));
    rows.push({ name: "time to the first request, no MCP server (bridle run, median of 8)", value: base, unit: "ms" });
    rows.push({
      name: "time added to the first request by connecting two stdio MCP servers",
      value: connected - base,
      unit: "ms",
      target: "< 1500 ms",
      pass: connected - base < 1500,
      details: { withServersMs: connected, withoutServersMs: base, ratio: connected / base },
    });

    const runtimeTime = async (env) => {
      const runtime = await createRuntime({ global: {}, cwd: project, environment: env, permissionMode: "allow-all" });
      runtime.close();
    };
    const plainRuntime = await measureEach(() => runtimeTime(plain), { runs: 7, warmup: 1 });
    const mcpRuntime = await measureEach(() => runtimeTime(withMcp), { runs: 7, warmup: 1 });
    const added = (mcpRuntime.median - plainRuntime.median) * 1000;
    rows.push({
      name: "time added to runtime ready (what the first paint waits for) by two stdio MCP servers",
      value: added,
      unit: "ms",
      target: "< 50 ms",
      pass: added < 50,
      details: { withServersMs: mcpRuntime.median * 1000, withoutServersMs: plainRuntime.median * 1000 },
    });
  } finally {
    await sim.close();
    rmSync(root, { recursive: true, force: true });
  }
  return rows;
}
