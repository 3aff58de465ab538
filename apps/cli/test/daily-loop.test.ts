import { existsSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { type GatewaySim, startGatewaySim } from "@bridle/gateway-sim";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BridlePane, idle } from "./bridle-pane.js";
import { statusLine, tmuxAvailable } from "./interactive-tmux.js";
import { makeProjectDirectory, writeUserConfig } from "./run-cli.js";

const tmux = tmuxAvailable();
const FEEDBACK = "put them in docs/notes.md instead";
const STORY = ["Once upon a time ", "a gateway ", "served a model ", "that answered ", "every question."];

let sim: GatewaySim;
let project: string;
let bridle: BridlePane;
let environment: Record<string, string>;

beforeEach(async () => {
  // A local server (the Ollama profile, no key) and no key of any remote gateway.
  sim = await startGatewaySim({
    profiles: ["ollama"],
    scenario: {
      steps: [
        { id: "write", when: { lastRole: "user", lastUserContains: "notes" }, toolCalls: [{ name: "write", arguments: JSON.stringify({ path: "notes.md", content: "# Notes\nfirst line\n" }) }] },
        { id: "after-feedback", when: { lastRole: "tool", anyMessageContains: FEEDBACK }, content: "Understood: docs/notes.md next time." },
        { id: "list", when: { lastRole: "user", lastUserContains: "list" }, toolCalls: [{ name: "bash", arguments: JSON.stringify({ command: "ls -a" }) }] },
        { id: "listed", when: { lastRole: "tool", lastUserContains: "list" }, content: "Those are the files." },
        { id: "story", when: { lastUserContains: "story" }, contentChunks: STORY, stream: { chunkDelayMs: 500 } },
        { id: "second", when: { lastUserContains: "second question" }, content: "Second answer." },
        { id: "continued", when: { lastUserContains: "where were we" }, content: "We were writing notes." },
      ],
    },
  });
  project = realpathSync(makeProjectDirectory());
  // The user's config says where the local server listens (a repository may not); nothing else is configured.
  writeUserConfig(path.join(project, ".xdg"), { gateways: { ollama: { baseURL: sim.baseURL("ollama") } } });
  writeFileSync(path.join(project, "README.md"), "# A project\n");
  environment = { PATH: process.env.PATH ?? "", HOME: project, XDG_CONFIG_HOME: path.join(project, ".xdg"), XDG_DATA_HOME: path.join(project, ".data") };
  bridle = new BridlePane(project, environment, { columns: 120, rows: 50 });
});

afterEach(async () => {
  bridle.kill();
  await sim.close();
  rmSync(project, { recursive: true, force: true });
});

const completions = () => sim.requests.all().filter((request) => request.path.endsWith("/chat/completions"));

describe.skipIf(!tmux.ok)("the daily loop in a terminal", () => {
  it("first start on a local server, picker, permission with feedback, tool output, queue, /clear, /resume, shift-tab, exit and -c", async () => {
    // First start: no key anywhere, a local server answering; Bridle finds it and starts on it.
    let screen = await bridle.startAndWait([], "ollama");
    expect(screen.replace(/\n/g, " ")).toMatch(/none is needed for local servers: found Ollama at http:\/\/127\.0\.0\.1:\d+\/\S+ serving 4 models; starting on gpt-oss:120b/);

    // The model picker offers what the server lists, and switches.
    bridle.send("/model");
    screen = await bridle.until("the picker", (text) => text.includes("switch model") && text.includes("qwen3-coder"));
    expect(screen.split("\n").filter((line) => line.startsWith("│") && line.includes(" @ ollama"))).toHaveLength(4);
    expect(screen).not.toMatch(/@ (fireworks|groq|openrouter|lmstudio)/);
    bridle.type("qwen3-coder");
    await bridle.until("the filter", (text) => text.includes("type to filter: qwen3-coder"));
    bridle.press("Enter");
    await bridle.until("the switch", (text) => statusLine(text).includes("qwen3-coder") && text.includes("(was gpt-oss"));

    // A write needs permission: the prompt previews the file; n and a sentence tell the agent what instead.
    bridle.send("write the notes");
    screen = await bridle.until("the permission prompt", (text) => text.includes("[y]es") && text.includes("allow write notes.md"));
    expect(screen).toMatch(/^│\s+\+# Notes\s+│$/m);
    expect(screen).toContain("[a]lways: edits and writes in the workspace, this session");
    bridle.press("n");
    await bridle.until("the feedback line", (text) => text.includes("tell the agent what to do instead"));
    bridle.send(FEEDBACK);
    screen = await bridle.until("the answer to the feedback", (text) => text.includes("Understood: docs/notes.md next time.") && idle(text));
    expect(screen).toContain(`the user declined and said: ${FEEDBACK}`);
    expect(existsSync(path.join(project, "notes.md"))).toBe(false);
    // The prompt after the switch went to the model picked, as the server lists it.
    expect(completions().find((request) => request.step === "write")?.model).toBe("qwen3-coder:30b");
    expect(JSON.stringify(completions().find((request) => request.step === "after-feedback")?.body)).toContain(FEEDBACK);

    // A command: always allows that command's prefix; ctrl-o shows its whole output.
    bridle.send("list the files");
    screen = await bridle.until("the command prompt", (text) => text.includes("allow bash ls -a"));
    expect(screen).toContain("[a]lways: commands starting with ls, this session");
    bridle.press("a");
    await bridle.until("the end of the turn", (text) => text.includes("Those are the files.") && idle(text));
    bridle.press("C-o");
    screen = await bridle.until("the expanded output", (text) => text.includes("┌ output of bash ls -a"));
    expect(screen).toMatch(/^│ README\.md$/m);

    // Type ahead: a prompt sent while a turn streams waits, then goes.
    bridle.send("tell me a story");
    await bridle.until("the story to start", (text) => text.includes("Once upon a time") && !text.includes("every question."));
    screen = await bridle.until("the spinner", (text) => /[⠋⠙⠹⠸⠼⠴⠦⠧⠇⠏] working \d+s/.test(statusLine(text)));
    bridle.send("and a second question");
    screen = await bridle.until("the queued prompt", (text) => text.includes("queued: and a second question"));
    expect(screen).not.toContain("every question.");
    screen = await bridle.until("both answers", (text) => text.includes("Second answer.") && idle(text));
    expect(screen.indexOf("every question.")).toBeLessThan(screen.indexOf("Second answer."));
    expect(completions().map((request) => request.step).slice(-2)).toEqual(["story", "second"]);

    // shift-tab cycles the permission mode, shown in the status line.
    expect(statusLine(screen)).toContain("@ ollama · ask ·");
    bridle.press("BTab");
    screen = await bridle.until("the new mode", (text) => statusLine(text).includes("· allow-edits ·"));

    // /clear: a clean screen and a new conversation; /resume brings the first one back.
    bridle.send("/clear");
    screen = await bridle.until("the new session", (text) => text.includes("bridle 0.1") && !text.includes("Once upon a time") && idle(text));
    expect(statusLine(screen)).toContain("· allow-edits ·");
    bridle.send("/resume");
    screen = await bridle.until("the session picker", (text) => text.includes("resume a session") && text.includes("write the notes"));
    bridle.press("Enter");
    screen = await bridle.until("the resumed session", (text) => /\(resumed, \d+\s+messages\)/.test(text) && idle(text));
    expect(screen).toContain("Second answer.");

    // Exit, and -c continues the same conversation.
    bridle.send("/exit");
    expect(await bridle.exitCode()).toBe(0);
    const sessionLine = /session (\S+) · continue it with/.exec(bridle.capture())?.[1];
    expect(sessionLine).toBeDefined();
    bridle.kill();
    bridle = new BridlePane(project, environment, { columns: 120, rows: 50 });
    screen = await bridle.startAndWait(["-c"], "ollama");
    expect(screen.replace(/\n/g, " ")).toContain(`session ${sessionLine} (resumed,`);
    // The continued conversation goes out whole: the first prompt, the feedback and the story.
    bridle.send("where were we?");
    await bridle.until("the continued answer", (text) => text.includes("We were writing notes.") && idle(text));
    const continued = JSON.stringify(completions().find((request) => request.step === "continued")?.body);
    for (const earlier of ["write the notes", FEEDBACK, "and a second question"]) expect(continued).toContain(earlier);
    bridle.send("/exit");
    expect(await bridle.exitCode()).toBe(0);
  });

  it("with no key and no local server running, says local servers need none and runs the demo on the screen", async () => {
    // Every local server pointed at a port nothing listens on.
    const nowhere = { baseURL: "http://127.0.0.1:9/v1" };
    writeUserConfig(path.join(project, ".xdg"), { gateways: Object.fromEntries(["ollama", "lmstudio", "vllm", "llamacpp", "sglang"].map((id) => [id, nowhere])) });
    bridle.start();
    let screen = await bridle.until("the demo offer", (text) => text.includes("Run the offline demo now? [Y/n]"));
    expect(screen.replace(/\n/g, " ")).toMatch(/Local servers need no key: Ollama \(http:\/\/127\.0\.0\.1:9\/v1\), LM Studio/);
    expect(screen).toMatch(/None is answering now/);
    bridle.press("Enter");
    screen = await bridle.until("the demo on the interactive screen", (text) => statusLine(text).startsWith("ctx ") && text.includes("bridle 0.1"), 60_000);
    expect(screen).toContain("› ");
  });
});
