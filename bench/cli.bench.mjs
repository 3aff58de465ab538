// The CLI as a user meets it: cold start to `--version`, cold start to a ready interactive
// prompt (in tmux, against the gateway simulator), and memory after a 200-turn session.
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { startGatewaySim } from "@bridle/gateway-sim";
import { measureEach } from "./measure.mjs";

export const name = "cli";

// The CLI is an app, not a library dependency of the benchmarks: use its build in place.
const cliDist = new URL("../apps/cli/dist/", import.meta.url);
const binPath = fileURLToPath(new URL("bin.js", cliDist));
const { createRuntime } = await import(new URL("index.js", cliDist).href);

function hasTmux() {
  return spawnSync("tmux", ["-V"]).status === 0;
}

async function timeToPrompt(directory, environment) {
  const session = `bridle-bench-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  const variables = Object.entries(environment).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(" ");
  const started = performance.now();
  execFileSync("tmux", ["new-session", "-d", "-x", "120", "-y", "40", "-s", session, "-c", directory, `env -i ${variables} ${process.execPath} ${binPath}`]);
  try {
    for (;;) {
      const pane = execFileSync("tmux", ["capture-pane", "-p", "-t", session], { encoding: "utf8" });
      // The status line with the context gauge is drawn with the input line: the prompt is ready.
      if (/ctx\s/.test(pane)) return performance.now() - started;
      if (performance.now() - started > 20_000) throw new Error(`no prompt after 20 s:\n${pane}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    spawnSync("tmux", ["kill-session", "-t", session]);
  }
}

export async function run() {
  const rows = [];
  const version = await measureEach(() => execFileSync(process.execPath, [binPath, "--version"]), { runs: 15, warmup: 2 });
  rows.push({ name: "cold start to --version (median of 15)", value: version.median * 1000, unit: "ms", target: "< 500 ms", pass: version.median < 0.5 });

  const sim = await startGatewaySim({ profiles: ["groq"], scenario: { steps: [{ repeat: true, content: "Done: the change is in place and the tests pass." }] } });
  const directory = mkdtempSync(path.join(tmpdir(), "bridle-bench-cli-"));
  try {
    writeFileSync(
      path.join(directory, "bridle.config.json"),
      JSON.stringify({ model: "moonshotai/kimi-k2-instruct-0905", gateway: "groq", gateways: { groq: { baseURL: sim.baseURL("groq") } } }),
    );
    const environment = {
      PATH: process.env.PATH ?? "",
      HOME: directory,
      TERM: "xterm-256color",
      XDG_CONFIG_HOME: path.join(directory, "config"),
      XDG_DATA_HOME: path.join(directory, "data"),
      GROQ_API_KEY: sim.apiKey("groq"),
    };
    if (hasTmux()) {
      const prompt = await measureEach(() => timeToPrompt(directory, environment), { runs: 7, warmup: 1 });
      rows.push({ name: "cold start to a ready interactive prompt (tmux, median of 7)", value: prompt.median * 1000, unit: "ms", target: "< 1500 ms", pass: prompt.median < 1.5 });
    } else {
      rows.push({ name: "cold start to a ready interactive prompt", value: Number.NaN, unit: "ms", details: { skipped: "tmux is not installed" } });
    }

    global.gc?.();
    const before = process.memoryUsage();
    const runtime = await createRuntime({ global: {}, cwd: directory, environment, permissionMode: "allow-all" });
    const signal = new AbortController().signal;
    const started = performance.now();
    for (let turn = 0; turn < 200; turn++) {
      const result = await runtime.agent.runTurn(`Turn ${turn}: make the next small change and run the tests.`, { signal });
      if (result.reason !== "stop") throw new Error(`turn ${turn} ended with ${result.reason}`);
    }
    const elapsed = performance.now() - started;
    global.gc?.();
    const after = process.memoryUsage();
    runtime.close();
    rows.push({
      name: "heap growth after a 200-turn session (in process)",
      value: (after.heapUsed - before.heapUsed) / 2 ** 20,
      unit: "MiB",
      target: "< 64 MiB",
      pass: after.heapUsed - before.heapUsed < 64 * 2 ** 20,
      details: { gcExposed: typeof global.gc === "function", rssMiB: after.rss / 2 ** 20, messages: runtime.agent.messages.length },
    });
    rows.push({ name: "harness time per turn, 200 turns over loopback", value: elapsed / 200, unit: "ms/turn" });
  } finally {
    await sim.close();
    rmSync(directory, { recursive: true, force: true });
  }
  return rows;
}
