import { existsSync, readFileSync, realpathSync, rmSync } from "node:fs";
import path from "node:path";
import { type GatewaySim, startGatewaySim } from "@bridle/gateway-sim";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BridlePane, idle } from "./bridle-pane.js";
import { statusLine, tmuxAvailable } from "./interactive-tmux.js";
import { makeProjectDirectory, writeUserConfig } from "./run-cli.js";

const tmux = tmuxAvailable();

let sim: GatewaySim;
let project: string;
let bridle: BridlePane;

beforeEach(async () => {
  sim = await startGatewaySim({ profiles: ["groq"], scenario: { steps: [{ id: "hello", repeat: true, when: { lastUserContains: "hello" }, content: "Hello from the chosen model." }] } });
  // A key and where its gateway listens; no model anywhere, no project config.
  project = realpathSync(makeProjectDirectory());
  writeUserConfig(path.join(project, ".xdg"), { gateways: { groq: { baseURL: sim.baseURL("groq") } } });
  const environment = { PATH: process.env.PATH ?? "", HOME: project, XDG_CONFIG_HOME: path.join(project, ".xdg"), XDG_DATA_HOME: path.join(project, ".data"), GROQ_API_KEY: sim.apiKey("groq") };
  bridle = new BridlePane(project, environment, { columns: 100, rows: 30 });
});

afterEach(async () => {
  bridle.kill();
  await sim.close();
  rmSync(project, { recursive: true, force: true });
});

/** The numbered list of what the gateway serves, as `<number>. <model> @ <gateway>` rows. */
const listedRows = (screen: string) => screen.split("\n").filter((line) => /^\s+\d+\. \S+ @ groq$/.test(line));

describe.skipIf(!tmux.ok)("a key but no model, in a terminal", () => {
  it("bridle offers what the gateway serves by number, asks again after a wrong one, and the screen runs on the choice", async () => {
    bridle.start();
    let screen = await bridle.until("the choice", (text) => text.includes("Start on which? [1-3]"));
    expect(screen).toContain("No model is configured. Models the gateways you can use serve:");
    expect(listedRows(screen).map((line) => line.trim())).toEqual(["1. moonshotai/kimi-k2-instruct-0905 @ groq", "2. openai/gpt-oss-120b @ groq", "3. qwen/qwen3-32b @ groq"]);
    // What is offered is what the gateway listed.
    expect(sim.requests.forProfile("groq").some((request) => request.path.endsWith("/models"))).toBe(true);
    bridle.send("9");
    await bridle.until("the second question", (text) => text.includes('"9" is not one of them') && text.split("Start on which?").length === 3);
    bridle.send("2");
    screen = await bridle.until("the screen on the chosen model", (text) => text.includes("› ") && statusLine(text).includes("gpt-oss-120b @ groq"));
    expect(screen).toContain("Starting on openai/gpt-oss-120b @ groq.");
    // The screen reads keys after the question: a prompt goes out and its answer comes back.
    bridle.send("hello there");
    await bridle.until("the answer", (text) => text.includes("Hello from the chosen model.") && idle(text));
    expect(sim.requests.completions().at(-1)).toMatchObject({ step: "hello", model: "openai/gpt-oss-120b" });
    bridle.press("C-d");
    expect(await bridle.exitCode()).toBe(0);
  });

  it("bridle init asks which model to write, and writes it with its gateway", async () => {
    bridle.start(["init"]);
    const screen = await bridle.until("the choice", (text) => text.includes("Use which? [1-3]"));
    expect(screen).toContain("Which model should bridle.config.json name? Models the gateways you can use serve:");
    expect(listedRows(screen)).toHaveLength(3);
    bridle.send("3");
    expect(await bridle.exitCode()).toBe(0);
    expect(bridle.capture()).toContain("chosen: model qwen/qwen3-32b @ groq; next: run `bridle`");
    const config = JSON.parse(readFileSync(path.join(project, "bridle.config.json"), "utf8")) as Record<string, unknown>;
    expect(config).toMatchObject({ model: "qwen/qwen3-32b", gateway: "groq" });
  });

  it("ctrl-c at the question leaves with 130, and bridle init then writes nothing", async () => {
    bridle.start();
    await bridle.until("the choice", (text) => text.includes("Start on which? [1-3]"));
    bridle.press("C-c");
    expect(await bridle.exitCode()).toBe(130);
    bridle.kill();
    bridle = new BridlePane(project, bridle.environment, bridle.size);
    bridle.start(["init"]);
    await bridle.until("the init choice", (text) => text.includes("Use which? [1-3]"));
    bridle.press("C-c");
    expect(await bridle.exitCode()).toBe(130);
    expect(existsSync(path.join(project, "bridle.config.json"))).toBe(false);
    expect(existsSync(path.join(project, ".bridle"))).toBe(false);
    expect(sim.requests.completions()).toHaveLength(0);
  });
});
