// Start speed, side by side in one run: Bridle's headless run and a dependency-free floor client
// (bench/start/floor-client.mjs) do the same one-file-write task against the same loopback
// gateway, alternating run by run. Reported: launch → first request, the turn gap (end of the
// response carrying the `write` call → arrival of the next request, so the file write, the
// session log and building the next request are all in it), the first request's size, the
// interactive time-to-prompt in tmux (until keys typed into the prompt show; for Bridle also to
// the loaded session behind it, which must still hold them), and
// `bridle --version`; each with its ratio to the floor.
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import fs from "node:fs/promises";
import { tmpdir } from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { measureEach } from "./measure.mjs";
import { startLoopbackGateway } from "./start/loopback-gateway.mjs";

export const name = "start";

const RUNS = Number(process.env.BENCH_START_RUNS ?? 7);
const PROMPT_RUNS = 5;
const COLD_RUNS = 3;
const RATIO_TARGET = 3;
const bridleBin = fileURLToPath(new URL("../apps/cli/dist/bin.js", import.meta.url));
const floorBin = fileURLToPath(new URL("./start/floor-client.mjs", import.meta.url));
const apiKey = "bench-start-key";
const model = "moonshotai/kimi-k2-instruct-0905";
const task = "Create notes.md with a heading and one line.";
const written = "# Notes\n\nThe start benchmark wrote this file.\n";

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
};

/**
 * The user's cache folder outlives a launch, as Node's own compile cache (in the temp folder) does:
 * one for the whole suite, filled by the warm-up run. The cold rows give each run an empty one.
 */
const userCache = mkdtempSync(path.join(tmpdir(), "bridle-bench-start-cache-"));

/** A fresh workspace and home for one run, configured for both clients. */
function workspace(gatewayURL, coldCache = false) {
  const directory = mkdtempSync(path.join(tmpdir(), "bridle-bench-start-"));
  mkdirSync(path.join(directory, "project"));
  const project = path.join(directory, "project");
  // The gateway's address is the user's setting (a repository's config may not move a key).
  mkdirSync(path.join(directory, "config", "bridle"), { recursive: true });
  writeFileSync(path.join(directory, "config", "bridle", "config.json"), JSON.stringify({ model, gateway: "groq", gateways: { groq: { baseURL: gatewayURL } } }));
  writeFileSync(path.join(project, "floor.config.json"), JSON.stringify({ model, gateway: "groq", baseURL: gatewayURL, keyVariable: "GROQ_API_KEY" }));
  const environment = {
    PATH: process.env.PATH ?? "",
    HOME: directory,
    TERM: "xterm-256color",
    XDG_CONFIG_HOME: path.join(directory, "config"),
    XDG_DATA_HOME: path.join(directory, "data"),
    XDG_CACHE_HOME: coldCache ? path.join(directory, "cache") : userCache,
    GROQ_API_KEY: apiKey,
  };
  return { directory, project, environment };
}

async function headlessRun(gateway, argv, coldCache = false) {
  const { directory, project, environment } = workspace(gateway.url, coldCache);
  gateway.clear();
  try {
    const started = performance.now();
    const child = spawn(process.execPath, argv, { cwd: project, env: environment, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (chunk) => (output += chunk));
    child.stderr.on("data", (chunk) => (output += chunk));
    const code = await new Promise((resolve) => child.on("exit", resolve));
    const [first, second] = gateway.completions();
    if (code !== 0 || !first || !second) throw new Error(`${path.basename(argv[0])} exited ${code} after ${gateway.completions().length} requests:\n${output}`);
    if (readFileSync(path.join(project, "notes.md"), "utf8") !== written) throw new Error(`${path.basename(argv[0])} did not write notes.md`);
    return { firstRequest: first.arrived - started, turnGap: second.arrived - first.finished, firstRequestBytes: first.bytes };
  } finally {
    rmSync(directory, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

/** Typed into the prompt as soon as it is drawn; the prompt counts once they show on its line. */
const TYPED = "zq";

/**
 * Milliseconds from launch in tmux to the prompt the user can type into, and to the loaded
 * session (`loaded` matches). A drawn prompt is not enough: as soon as a status line shows under
 * it, keys are typed, and the prompt counts from the moment they show on its line (a line that
 * ignores keys never counts). The loaded screen must still hold them: keys typed while it loaded
 * are neither lost nor sent.
 */
async function timeToPrompt(gateway, command, loaded) {
  const { directory, project, environment } = workspace(gateway.url);
  const session = `bridle-bench-start-${process.pid}-${Math.random().toString(36).slice(2, 8)}`;
  // A server of its own for each run: other tmux users neither see nor disturb it, and no run
  // races the previous run's server as it exits.
  const tmux = (...args) => ["-L", session, ...args];
  const variables = Object.entries(environment).map(([key, value]) => `${key}=${JSON.stringify(value)}`).join(" ");
  const started = performance.now();
  execFileSync("tmux", tmux("-f", "/dev/null", "new-session", "-d", "-x", "120", "-y", "40", "-s", session, "-c", project, `env -i ${variables} ${command}`));
  const typedLine = new RegExp(`^[›>] ${TYPED}`, "m");
  try {
    let typed = false;
    let prompt;
    for (;;) {
      const pane = execFileSync("tmux", tmux("capture-pane", "-p", "-t", session), { encoding: "utf8" });
      const elapsed = performance.now() - started;
      if (!typed && /^ctx\s/m.test(pane)) {
        execFileSync("tmux", tmux("send-keys", "-t", session, "-l", TYPED));
        typed = true;
      }
      if (prompt === undefined && typed && typedLine.test(pane)) prompt = elapsed;
      if (prompt !== undefined && loaded.test(pane) && typedLine.test(pane)) return { prompt, loaded: elapsed };
      if (elapsed > 20_000) throw new Error(`no prompt${typed ? ` showing the keys typed into it (${TYPED})` : ""} after 20 s:\n${pane}`);
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
  } finally {
    spawnSync("tmux", tmux("kill-server"));
    rmSync(directory, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

/**
 * What waiting for the disk would add to a file write: temp file + rename, with the file and its
 * directory fsynced before the write returns, or not (the write tool flushes in the background).
 */
async function atomicWriteCost(synced) {
  const directory = mkdtempSync(path.join(tmpdir(), "bridle-bench-fsync-"));
  try {
    return await measureEach(async (index) => {
      const target = path.join(directory, `file-${index % 4}.md`);
      const temporary = `${target}.tmp`;
      const handle = await fs.open(temporary, "wx");
      await handle.writeFile(written.repeat(20));
      if (synced) await handle.sync();
      await handle.close();
      await fs.rename(temporary, target);
      if (synced) {
        const entry = await fs.open(directory, "r");
        await entry.sync();
        await entry.close();
      }
    }, { runs: 41, warmup: 3 });
  } finally {
    rmSync(directory, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
}

function ratioRows(label, unit, bridle, floor, { target, absolute } = {}) {
  const ratio = bridle / floor;
  return [
    { name: `${label}: Bridle`, value: bridle, unit, ...(absolute ?? {}) },
    { name: `${label}: floor`, value: floor, unit },
    {
      name: `${label}: ratio to the floor`,
      value: ratio,
      unit: "×",
      ...(target ? { target: `≤ ${target}×`, pass: ratio <= target } : {}),
    },
  ];
}

export async function run() {
  const gateway = await startLoopbackGateway({
    apiKey,
    reply: (body) => (body.messages.at(-1)?.role === "tool" ? { content: "Done: notes.md is in place." } : { toolCall: { name: "write", arguments: JSON.stringify({ path: "notes.md", content: written }) } }),
  });
  const rows = [];
  try {
    const bridle = [];
    const floor = [];
    // One warm-up each (disk cache), then alternate so both see the same machine load.
    await headlessRun(gateway, [bridleBin, "run", "--yes", task]);
    await headlessRun(gateway, [floorBin, "run", task]);
    for (let index = 0; index < RUNS; index++) {
      bridle.push(await headlessRun(gateway, [bridleBin, "run", "--yes", task]));
      floor.push(await headlessRun(gateway, [floorBin, "run", task]));
    }
    const of = (runs, key) => median(runs.map((run) => run[key]));
    const cold = { bridle: [], floor: [] };
    for (let index = 0; index < COLD_RUNS; index++) {
      cold.bridle.push(await headlessRun(gateway, [bridleBin, "run", "--yes", task], true));
      cold.floor.push(await headlessRun(gateway, [floorBin, "run", task], true));
    }
    rows.push(...ratioRows(`launch → first request (median of ${RUNS})`, "ms", of(bridle, "firstRequest"), of(floor, "firstRequest"), { target: RATIO_TARGET }));
    rows.push(...ratioRows(`turn gap, with a file write (median of ${RUNS})`, "ms", of(bridle, "turnGap"), of(floor, "turnGap"), { target: RATIO_TARGET }));
    rows.push(...ratioRows(`launch → first request, empty cache folder (median of ${COLD_RUNS})`, "ms", of(cold.bridle, "firstRequest"), of(cold.floor, "firstRequest")));
    rows.push(...ratioRows("first request bytes", "B", of(bridle, "firstRequestBytes"), of(floor, "firstRequestBytes")));

    if (spawnSync("tmux", ["-V"]).status === 0) {
      const screens = { bridle: [], floor: [] };
      for (let index = 0; index <= PROMPT_RUNS; index++) {
        // The loaded screen shows the counted context and the model; the floor's has no more to load.
        const bridleTimes = await timeToPrompt(gateway, `${process.execPath} ${bridleBin}`, /^ctx [\d.]+k?\/[\d.]+k .* @ groq/m);
        const floorTimes = await timeToPrompt(gateway, `${process.execPath} ${floorBin}`, /^ctx .* @ groq/m);
        // The first of each is a warm-up.
        if (index === 0) continue;
        screens.bridle.push(bridleTimes);
        screens.floor.push(floorTimes);
      }
      const of = (runs, key) => median(runs.map((run) => run[key]));
      rows.push(
        ...ratioRows(`interactive time-to-prompt, tmux (median of ${PROMPT_RUNS})`, "ms", of(screens.bridle, "prompt"), of(screens.floor, "prompt"), {
          absolute: { target: "≤ 400 ms", pass: of(screens.bridle, "prompt") <= 400 },
        }),
      );
      rows.push({ name: `interactive time to the loaded session, tmux (median of ${PROMPT_RUNS}): Bridle`, value: of(screens.bridle, "loaded"), unit: "ms" });
    } else {
      rows.push({ name: "interactive time-to-prompt, tmux", value: Number.NaN, unit: "ms", details: { skipped: "tmux is not installed" } });
    }

    const synced = await atomicWriteCost(true);
    const unsynced = await atomicWriteCost(false);
    rows.push(
      { name: "atomic 1 KB write, fsync of file and directory awaited (median of 41)", value: synced.median * 1000, unit: "ms", details: { maxMs: synced.max * 1000 } },
      { name: "atomic 1 KB write, fsync in the background (median of 41)", value: unsynced.median * 1000, unit: "ms", details: { maxMs: unsynced.max * 1000 } },
    );

    const version = await measureEach(() => execFileSync(process.execPath, [bridleBin, "--version"]), { runs: 15, warmup: 2 });
    const floorVersion = await measureEach(() => execFileSync(process.execPath, [floorBin, "--version"]), { runs: 15, warmup: 2 });
    rows.push(
      ...ratioRows("bridle --version (median of 15)", "ms", version.median * 1000, floorVersion.median * 1000, {
        absolute: { target: "≤ 150 ms", pass: version.median <= 0.15 },
      }),
    );
  } finally {
    await gateway.close();
    rmSync(userCache, { recursive: true, force: true, maxRetries: 10, retryDelay: 50 });
  }
  return rows;
}
