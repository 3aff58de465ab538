import { readdirSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type GatewaySim, startGatewaySim } from "@bridle/gateway-sim";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BridlePane, idle } from "./bridle-pane.js";
import { statusLine, tmuxAvailable } from "./interactive-tmux.js";
import { makeProjectDirectory, writeUserConfig } from "./run-cli.js";
import { runCliToEnd } from "./sim-project.js";

const tmux = tmuxAvailable();
const GROQ_KIMI = "moonshotai/kimi-k2-instruct-0905";
const FIREWORKS_KIMI = "accounts/fireworks/models/kimi-k2-instruct-0905";

let sim: GatewaySim;
let project: string;
let environment: Record<string, string>;
let bridle: BridlePane;

beforeEach(async () => {
  sim = await startGatewaySim({
    profiles: ["groq", "fireworks"],
    scenario: { steps: [{ when: { lastRole: "user" }, repeat: true, content: "Paris.", stream: { chunkDelayMs: 10 } }] },
  });
  project = realpathSync(makeProjectDirectory());
  writeFileSync(
    path.join(project, "bridle.config.json"),
    JSON.stringify({ model: GROQ_KIMI, gateway: "groq" }),
  );
  // Where gateways live is the user's to say, not a repository's.
  writeUserConfig(path.join(project, ".xdg"), { gateways: { groq: { baseURL: sim.baseURL("groq") }, fireworks: { baseURL: sim.baseURL("fireworks") } } });
  environment = {
    PATH: process.env.PATH ?? "",
    HOME: project,
    XDG_CONFIG_HOME: path.join(project, ".xdg"),
    XDG_DATA_HOME: path.join(project, ".data"),
    GROQ_API_KEY: sim.apiKey("groq"),
    FIREWORKS_API_KEY: sim.apiKey("fireworks"),
  };
  bridle = new BridlePane(project, environment);
});

afterEach(async () => {
  bridle.kill();
  await sim.close();
  rmSync(project, { recursive: true, force: true });
});

function sessionFiles(): string[] {
  const found: string[] = [];
  const walk = (folder: string) => {
    let entries;
    try {
      entries = readdirSync(folder, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      if (entry.isDirectory()) walk(path.join(folder, entry.name));
      else if (entry.name.endsWith(".jsonl")) found.push(path.join(folder, entry.name));
    }
  };
  walk(path.join(project, ".data"));
  return found;
}

describe.skipIf(!tmux.ok)("sessions and model switches in a terminal", () => {
  it("writes no session when nothing was typed, so -c continues the last conversation", async () => {
    await bridle.startAndWait([], "groq");
    bridle.send("/exit");
    expect(await bridle.exitCode()).toBe(0);
    expect(sessionFiles()).toEqual([]);

    const run = await runCliToEnd(["run", "What is the capital of France?"], { directory: project, environment } as never);
    expect(run.code).toBe(0);
    expect(sessionFiles()).toHaveLength(1);

    // Opened and closed once more without a word: still one session, and -c resumes it.
    bridle.kill();
    bridle = new BridlePane(project, environment);
    await bridle.startAndWait([], "groq");
    bridle.press("C-d");
    expect(await bridle.exitCode()).toBe(0);
    expect(sessionFiles()).toHaveLength(1);

    bridle.kill();
    bridle = new BridlePane(project, environment);
    const screen = await bridle.startAndWait(["-c"], "groq");
    expect(screen).toMatch(/\(resumed, 2 messages\)/);
    expect(screen).toContain("What is the capital of France?");
  });

  it("offers in /model only what usable gateways serve, and a pair a gateway does not serve goes back after its 404", async () => {
    await bridle.startAndWait([], "groq");
    bridle.send("/model");
    let screen = await bridle.until("the model picker", (text) => text.includes("switch model") && /\d+ of \d+|› ●/.test(text));
    // Local servers that are not running, and gateways without a key, are not offered.
    bridle.type("ollama");
    screen = await bridle.until("the filter", (text) => text.includes("type to filter: ollama"));
    expect(screen).toContain("no model matches");
    bridle.press("Escape");
    await bridle.until("the picker to close", (text) => !text.includes("switch model"));
    bridle.send("/model");
    await bridle.until("the model picker", (text) => text.includes("switch model") && !text.includes("type to filter:"));
    // On groq, exactly the models groq lists.
    bridle.type("@ groq");
    screen = await bridle.until("groq's models", (text) => text.includes("type to filter: @ groq"));
    const groqRows = screen.split("\n").filter((line) => line.startsWith("│") && / @ groq\s/.test(line) && !line.includes("type to filter"));
    expect(groqRows.map((line) => line.replace(/^[\s│›●]+/, "").split(" @ ")[0]).sort()).toEqual(["gpt-oss-120b", "kimi-k2-instruct-0905", "qwen3-32b"]);
    bridle.press("Escape");
    await bridle.until("the picker to close", (text) => !text.includes("switch model"));

    // A model groq does not serve: the switch warns, the 404 of the first request switches back.
    bridle.send("/model kimi-k2-instruct groq");
    screen = await bridle.until("the unverified warning", (text) => text.includes("unverified:"));
    expect(statusLine(screen)).toContain("kimi-k2-instruct @ groq");
    bridle.send("What is the capital of France?");
    screen = await bridle.until("the switch back", (text) => text.includes("back on kimi-k2-instruct-0905 @ groq") && idle(text));
    expect(statusLine(screen)).toContain("kimi-k2-instruct-0905 @ groq");
    bridle.send("and again?");
    await bridle.until("an answer on the served model", (text) => (text.match(/Paris\./g) ?? []).length >= 1 && idle(text));
    expect(sim.requests.forProfile("groq").at(-1)?.model).toBe(GROQ_KIMI);
  });

  it("selects the gateway whose own spelling of a model was typed", async () => {
    await bridle.startAndWait([], "groq");
    bridle.send(`/model ${FIREWORKS_KIMI}`);
    const screen = await bridle.until("the switch to fireworks", (text) => text.includes("is how fireworks spells it") && idle(text));
    expect(statusLine(screen)).toContain("kimi-k2-instruct-0905 @ fireworks");
    bridle.send("What is the capital of France?");
    await bridle.until("the answer", (text) => text.includes("Paris.") && idle(text));
    expect(sim.requests.forProfile("fireworks").filter((request) => request.path.endsWith("/chat/completions")).at(-1)?.model).toBe(FIREWORKS_KIMI);
    expect(sim.requests.forProfile("groq").filter((request) => request.path.endsWith("/chat/completions"))).toHaveLength(0);
  });
});
