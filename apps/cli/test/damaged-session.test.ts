import { readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { SessionLog, sessionsDirectory } from "@bridle/core";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { BridlePane, idle } from "./bridle-pane.js";
import { tmuxAvailable } from "./interactive-tmux.js";
import { disposeSimProject, readRecords, runCliToEnd, type SimProject, startSimProject } from "./sim-project.js";

const tmux = tmuxAvailable();
const GROQ_KIMI = "moonshotai/kimi-k2-instruct-0905";

let project: SimProject | undefined;
/** The session whose header is damaged, and its bytes as damaged. */
let damaged: { file: string; id: string; bytes: string };

beforeEach(async () => {
  project = await startSimProject({ scenario: { steps: [{ when: { lastRole: "user" }, repeat: true, content: "Paris, still." }] } });
  const workspace = realpathSync(project.directory);
  const log = SessionLog.create({ directory: sessionsDirectory(project.environment, workspace), workspace, model: GROQ_KIMI, gateway: "groq" });
  log.append({ type: "message", turn: 1, message: { role: "user", content: "EARLIER-QUESTION: what is the capital of France?" } });
  log.append({ type: "message", turn: 1, message: { role: "assistant", content: "EARLIER-ANSWER: Paris." } });
  log.close();
  // A header cut in the middle, as a crashed or hand-edited file may have it.
  const lines = readFileSync(log.file, "utf8").split("\n");
  const bytes = [lines[0]!.slice(0, 30), ...lines.slice(1)].join("\n");
  writeFileSync(log.file, bytes);
  damaged = { file: log.file, id: log.id, bytes };
});
afterEach(async () => {
  project = await disposeSimProject(project);
});

/** The session files other than the damaged one. */
const copies = () => project!.sessionFiles().filter((file) => file !== damaged.file);

describe("a session whose header is damaged (as a process, against the simulator)", () => {
  it("-c names the file, line 1 and what was expected, and the flag to continue from a copy; nothing is sent or written", async () => {
    const result = await runCliToEnd(["run", "-c", "and Germany?"], project!);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${damaged.file} line 1 is not a valid session header: expected a "session" record, found invalid JSON`);
    expect(result.stderr).toContain("2 records after it are readable; the file was left unchanged");
    expect(result.stderr).toContain("bridle -c --fork-session");
    expect(result.stderr).not.toContain("no session to continue");
    expect(project!.sim.requests.completions()).toHaveLength(0);
    expect(readFileSync(damaged.file, "utf8")).toBe(damaged.bytes);
    expect(copies()).toEqual([]);
  });

  it("--resume <id> says the same, naming the --resume form of the flag", async () => {
    const result = await runCliToEnd(["run", "--resume", damaged.id, "--output", "json", "and Germany?"], project!);
    expect(result.code).toBe(1);
    const summary = JSON.parse(result.stdout) as { reason: string; message: string };
    expect(summary.reason).toBe("error");
    expect(summary.message).toContain(`${damaged.file} line 1 is not a valid session header`);
    expect(summary.message).toContain(`bridle --resume ${damaged.id} --fork-session`);
    expect(readFileSync(damaged.file, "utf8")).toBe(damaged.bytes);
  });

  it("--fork-session continues in a new session with the readable records; the original is never written", async () => {
    const result = await runCliToEnd(["run", "-c", "--fork-session", "--output", "stream-json", "and Germany?"], project!);
    expect(result.code, result.stderr).toBe(0);
    const [copy] = copies();
    expect(copy).toBeDefined();
    const events = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { type: string; file?: string; event?: { type: string; message: string } });
    expect(events[0]).toMatchObject({ type: "session", file: copy, resumed: true });
    expect(events.some((event) => event.event?.type === "session.forked" && event.event.message.includes(damaged.file))).toBe(true);
    // The model heard the earlier turn, from the copy.
    const sent = project!.sim.requests.completions();
    expect(sent).toHaveLength(1);
    const messages = (sent[0]!.body as { messages: Array<{ role: string; content: string }> }).messages.map((message) => message.content);
    expect(messages).toEqual(expect.arrayContaining(["EARLIER-QUESTION: what is the capital of France?", "EARLIER-ANSWER: Paris.", "and Germany?"]));
    const records = readRecords(copy!);
    expect(records[0]).toMatchObject({ type: "session", model: "kimi-k2-instruct-0905", gateway: "groq" });
    expect(records.filter((record) => record.type === "message").map((record) => record.message.content)).toEqual([
      "EARLIER-QUESTION: what is the capital of France?",
      "EARLIER-ANSWER: Paris.",
      "and Germany?",
      "Paris, still.",
    ]);
    expect(readFileSync(damaged.file, "utf8")).toBe(damaged.bytes);
  });
});

describe.skipIf(!tmux.ok)("a session whose header is damaged, in a terminal", () => {
  let bridle: BridlePane | undefined;
  afterEach(() => bridle?.kill());

  it("bridle -c asks whether to continue from a copy and, on yes, opens the copy", async () => {
    bridle = new BridlePane(project!.directory, project!.environment);
    bridle.start(["-c"]);
    const question = await bridle.until("the question", (screen) => screen.includes("Continue from a copy with the 2 readable records?"));
    expect(question).toContain("line 1 is not a valid session header");
    bridle.send("y");
    await bridle.until("the screen", (screen) => screen.includes("EARLIER-QUESTION") && idle(screen));
    bridle.send("and Germany?");
    await bridle.until("the answer", (screen) => screen.includes("Paris, still.") && idle(screen));
    bridle.send("/exit");
    expect(await bridle.exitCode()).toBe(0);
    const [copy] = copies();
    expect(readRecords(copy!).filter((record) => record.type === "message")).toHaveLength(4);
    expect(readFileSync(damaged.file, "utf8")).toBe(damaged.bytes);
  });

  it("bridle -c leaves the file alone on no and says how to continue later", async () => {
    bridle = new BridlePane(project!.directory, project!.environment);
    bridle.start(["-c"]);
    await bridle.until("the question", (screen) => screen.includes("Continue from a copy"));
    bridle.send("n");
    const screen = await bridle.until("the refusal", (text) => text.includes("To continue from a copy later: bridle -c --fork-session"));
    expect(screen).toContain(`Left ${damaged.file.slice(0, 20)}`);
    expect(await bridle.exitCode()).toBe(1);
    expect(copies()).toEqual([]);
    expect(readFileSync(damaged.file, "utf8")).toBe(damaged.bytes);
  });
});
