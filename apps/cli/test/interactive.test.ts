import { existsSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type GatewaySim, startGatewaySim } from "@bridle/gateway-sim";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OTHER_MODEL, START_MODEL } from "./interactive-runtime.js";
import { EXITED, startBridleInPane, statusLine, TmuxPane, tmuxAvailable } from "./interactive-tmux.js";
import { binPath, makeProjectDirectory, writeUserConfig } from "./run-cli.js";

const tmux = tmuxAvailable();
if (!tmux.ok) console.warn(`skipping the interactive screen tests: tmux is not available (${tmux.detail}); install tmux to run them`);

/** The binary under test: the built CLI unless `BRIDLE_BIN` names another build of it. */
const bin = process.env.BRIDLE_BIN ?? binPath;

const ANSWER_CHUNKS = ["The capital ", "of France ", "is Paris, ", "on the Seine."];
const ANSWER = ANSWER_CHUNKS.join("");
const edit = (from: string, to: string) => JSON.stringify({ path: "notes.txt", old_string: from, new_string: to });

let sim: GatewaySim;
let project: string;
let pane: TmuxPane;

beforeEach(async () => {
  sim = await startGatewaySim({
    profiles: ["fireworks"],
    scenario: {
      steps: [
        // Slow enough chunks that the screen can be caught mid-answer.
        { id: "answer", when: { lastUserContains: "capital" }, contentChunks: ANSWER_CHUNKS, stream: { chunkDelayMs: 400 } },
        { id: "again", when: { lastUserContains: "again" }, content: "Still here, on another model.", stream: { chunkDelayMs: 20 } },
        { id: "read", when: { lastRole: "user", lastUserContains: "uppercase" }, content: "Reading it first.", toolCalls: [{ name: "read", arguments: JSON.stringify({ path: "notes.txt" }) }] },
        { id: "edit", when: { lastRole: "tool", lastUserContains: "uppercase" }, toolCalls: [{ name: "edit", arguments: edit("two", "TWO") }] },
        { id: "edit-declined", when: { lastRole: "tool", lastUserContains: "uppercase" }, toolCalls: [{ name: "edit", arguments: edit("three", "THREE") }] },
        { id: "summary", when: { lastRole: "tool", lastUserContains: "uppercase" }, content: "Made two uppercase; you declined the second edit." },
      ],
    },
  });
  project = realpathSync(makeProjectDirectory());
  writeFileSync(path.join(project, "notes.txt"), "one\ntwo\nthree\n");
  writeFileSync(
    path.join(project, "bridle.config.json"),
    JSON.stringify({ model: START_MODEL, gateway: "fireworks" }),
  );
  writeUserConfig(path.join(project, ".xdg"), { gateways: { fireworks: { baseURL: sim.baseURL("fireworks") } } });
  pane = new TmuxPane(`bridle-test-${process.pid}-${Date.now()}`);
});

afterEach(async () => {
  pane.kill();
  await sim.close();
  rmSync(project, { recursive: true, force: true });
});

/** Runs the built `bridle` in the pane with a clean environment and waits for its prompt. */
async function startBridle(): Promise<string> {
  launchBridle();
  return until("the prompt", (text) => text.includes("› ") && statusLine(text).includes("@ fireworks"));
}

/** Runs the built `bridle` in the pane with a clean environment. */
function launchBridle(): void {
  if (!existsSync(bin)) throw new Error(`${bin} is missing: build the CLI first (pnpm build)`);
  // No CI variable (Ink draws differently there) and no key but the simulator's.
  startBridleInPane(pane, bin, project, {
    PATH: process.env.PATH ?? "",
    HOME: project,
    XDG_CONFIG_HOME: path.join(project, ".xdg"),
    XDG_DATA_HOME: path.join(project, ".data"),
    FIREWORKS_API_KEY: sim.apiKey("fireworks"),
  });
}

/** Waits for the screen to show something, giving up early if bridle has exited. */
function until(what: string, predicate: (screen: string) => boolean): Promise<string> {
  return pane.waitFor(what, predicate, { giveUpWhen: (screen) => screen.includes(EXITED) });
}

/** The turn is over: the status line is back to its idle hint. */
const idle = (screen: string) => statusLine(screen).endsWith("/help");

function send(text: string): void {
  pane.type(text);
  pane.press("Enter");
}

async function expectExit(code: number): Promise<void> {
  const screen = await pane.waitFor("bridle to exit", (text) => text.includes(EXITED));
  expect(screen).toContain(`${EXITED}${code}]`);
}

describe.skipIf(!tmux.ok)("the interactive screen in a terminal", () => {
  it("streams an answer, shows /context, switches models with /model and leaves with /exit", async () => {
    let screen = await startBridle();
    expect(statusLine(screen)).toMatch(/^ctx [\d.]+k?\/[\d.]+[kM] \d+% [▰▱]{10} · qwen3-coder-480b-a35b-instruct @ fireworks · ask/);

    // A streamed answer: seen part-way, then whole.
    send("What is the capital of France?");
    const partial = await until("the answer to start streaming", (text) => text.includes("The capital") && !text.includes("on the Seine."));
    expect(partial).toContain("› What is the capital of France?");
    await until("the whole answer", (text) => text.includes(ANSWER) && idle(text));
    expect(sim.requests.all().filter((request) => request.step === "answer")).toHaveLength(1);

    // /context: the breakdown and the window of this model on this gateway.
    send("/context");
    screen = await until("the /context table", (text) => text.includes("reserved output") && /\bfree\s+[\d,]+/.test(text));
    for (const row of ["system", "tools", "messages", "tool results"]) expect(screen).toMatch(new RegExp(`^\\s+${row}\\s+[\\d,]+\\s+[\\d.]+%$`, "m"));
    expect(screen).toMatch(/context · \S+ @ fireworks/);
    expect(screen).toMatch(/window [\d,]+ tokens: /);

    // /model <model> <gateway> switches; the status line shows it and the next turn uses it.
    send(`/model ${OTHER_MODEL} fireworks`);
    await until("the status line to show the new model", (text) => statusLine(text).includes("kimi-k2-instruct-0905 @ fireworks"));
    send("are you there again?");
    await until("the answer from the new model", (text) => text.includes("Still here, on another model.") && idle(text));
    expect(sim.requests.all().find((request) => request.step === "again")?.model).toBe(OTHER_MODEL);

    // The /model picker: filter, enter, and back on the first model.
    send("/model");
    await until("the model picker", (text) => text.includes("switch model"));
    pane.type("qwen3-coder-480b fireworks");
    await until("the filtered list", (text) => /› . \S*qwen3-coder-480b-a35b-instruct @ fireworks/.test(text));
    pane.press("Enter");
    await until("the switch back", (text) => statusLine(text).includes("qwen3-coder-480b-a35b-instruct @ fireworks"));

    send("/exit");
    await expectExit(0);
  });

  it("lists the gateways with /gateways: who defined each, whether its key is set, never its value", async () => {
    await startBridle();
    send("/gateways");
    const screen = await until("the /gateways table", (text) => text.includes("gateways · in use: fireworks") && text.includes("llamacpp"));
    expect(screen).toMatch(/● +fireworks +built-in \(plugin gateways\) +FIREWORKS_API_KEY set/);
    expect(screen).toMatch(/ groq +built-in \(plugin gateways\) +GROQ_API_KEY missing/);
    expect(screen).not.toContain(sim.apiKey("fireworks"));
    send("/exit");
    await expectExit(0);
  });

  it("asks before edits, shows the diff of an allowed one and refuses a declined one", async () => {
    await startBridle();
    send("make the words uppercase");
    let screen = await until("the permission prompt", (text) => text.includes("[y]es") && text.includes("allow edit notes.txt"));
    expect(screen).toContain("• read notes.txt");
    expect(statusLine(screen)).toContain("waiting for your answer");
    pane.press("y");
    screen = await until("the second question", (text) => /✓ Edited notes\.txt/.test(text) && text.includes("[y]es"));
    expect(screen).toMatch(/^\s+-two$/m);
    expect(screen).toMatch(/^\s+\+TWO$/m);
    // n asks what to do instead; Enter on an empty line just declines.
    pane.press("n");
    await until("the feedback line", (text) => text.includes("tell the agent what to do instead"));
    pane.press("Enter");
    screen = await until("the end of the turn", (text) => text.includes("you declined the second edit") && idle(text));
    expect(screen).toMatch(/✗ Permission denied for edit: the user declined/);
    expect(readFileSync(path.join(project, "notes.txt"), "utf8")).toBe("one\nTWO\nthree\n");
    send("/exit");
    await expectExit(0);
  });

  it("takes keys from the first prompt drawn: they show while the screen loads and are sent once it is up", async () => {
    launchBridle();
    await until("a prompt", (text) => /^ctx\s/m.test(text));
    pane.type("What is the capitol");
    pane.press("BSpace", "BSpace");
    pane.type("al of France?");
    // Shown as typed, on whichever prompt is up, without the keys it took back.
    await until("the typed question", (text) => text.includes("› What is the capital of France?"));
    pane.press("Enter");
    await until("the answer", (text) => text.includes(ANSWER) && idle(text));
    const questions = sim.requests.completions().map((request) => JSON.stringify(request.body)).filter((body) => body.includes("capital of France"));
    expect(questions.length).toBeGreaterThan(0);
    expect(questions[0]).not.toContain("capitol");
    pane.press("C-d");
    await expectExit(0);
  });

  it("cancels a turn with ctrl-c, keeps the conversation, and exits on ctrl-d", async () => {
    await startBridle();
    send("What is the capital of France?");
    await until("the answer to start streaming", (text) => text.includes("The capital"));
    pane.press("C-c");
    const screen = await until("the cancelled turn", (text) => text.includes("cancelled") && idle(text));
    expect(screen).toContain("The capital");
    expect(screen).not.toContain("on the Seine.");

    // The next prompt continues the same conversation: the cancelled question is still in it.
    send("are you there again?");
    await until("the next answer", (text) => text.includes("Still here, on another model.") && idle(text));
    const next = sim.requests.all().find((request) => request.step === "again");
    expect(JSON.stringify(next?.body)).toContain("What is the capital of France?");

    pane.press("C-d");
    await expectExit(0);
  });
});
