import { mkdtempSync, readFileSync, realpathSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { readSessionFile, SessionLog, sessionsDirectory } from "@bridle/core";
import { afterEach, describe, expect, it } from "vitest";
import { createSimSession, SIM_MODELS, startSim } from "../plugins/compaction/test/sim-session.js";
import {
  disposeSimProject,
  firstSessionFile,
  isSummaryRequest,
  killNow,
  readRecords,
  runCliToEnd,
  runningInGroup,
  type SimProject,
  startCli,
  startSimProject,
  startSwitchProject,
  SWITCH_MODELS,
  textOf,
  until,
} from "./support/cli-session.js";
import { installPowerLossDisk } from "./support/power-loss-disk.js";

// Session log and durability (requirements 12–18), with the built `bridle` as a process against the
// loopback simulator, except 17, which models the disk in-process. Each test asserts the requests
// the simulator saw and what the session file holds at the end.

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

/** The only session file of the project (the test made one). */
function onlySession(current: SimProject): string {
  const files = current.sessionFiles();
  if (files.length !== 1) throw new Error(`expected one session file, found ${files.length}`);
  return files[0]!;
}

/** A session of the project's workspace with one earlier exchange, written as Bridle writes it. */
function seedSession(current: SimProject, messages: Array<{ role: "user" | "assistant"; content: string }>): string {
  const workspace = realpathSync(current.directory);
  const log = SessionLog.create({ directory: sessionsDirectory(current.environment, workspace), workspace, model: "kimi-k2-instruct-0905", gateway: "groq" });
  for (const message of messages) log.append({ type: "message", turn: 1, message });
  log.close();
  return log.file;
}

const bodyMessages = (request: { body: unknown }) => (request.body as { messages: Array<{ role: string; content: string | null; tool_call_id?: string }> }).messages;

describe("session log and durability", () => {
  it("12. kill -9 while a tool runs, before its result is saved: on resume the call is not re-run, it gets an 'interrupted, outcome unknown' result, and the gateway accepts the history", async () => {
    project = await startSimProject({
      scenario: {
        steps: [
          { id: "call", when: { lastRole: "user", lastUserContains: "wait" }, toolCalls: [{ name: "bash", arguments: JSON.stringify({ command: "sleep 30" }) }] },
          { id: "after", when: { lastRole: "user" }, repeat: true, content: "The wait was cut short." },
        ],
      },
    });
    const cli = startCli(["run", "-y", "wait for the build"], project);
    await until(() => /"type":"tool_process"/.test(textOf(firstSessionFile(project!))), 15_000, "the tool to start");
    await killNow(cli);
    const file = onlySession(project);
    const killed = readRecords(file);
    const start = killed.find((record) => record.type === "tool_start")!;
    const group = killed.find((record) => record.type === "tool_process")!.pid as number;
    expect(killed.some((record) => record.type === "message" && record.message.role === "tool")).toBe(false);

    const resumed = await runCliToEnd(["run", "-c", "-y", "what happened?"], project);
    expect(resumed.code, resumed.stderr).toBe(0);
    // Two requests in all: the one that asked for the tool, and the resumed turn, accepted.
    const requests = project.sim.requests.completions();
    expect(requests.map((request) => request.outcome)).toEqual(["reply", "reply"]);
    const result = bodyMessages(requests[1]!).find((message) => message.role === "tool");
    expect(result?.tool_call_id).toBe(start.callId);
    expect(result?.content).toMatch(/killed while this call was running .*sleep 30.*its result was not saved/);
    // Not re-run: one tool_start in the file, and the command's process group is gone.
    const records = readRecords(file);
    expect(records.filter((record) => record.type === "tool_start")).toHaveLength(1);
    expect(records.filter((record) => record.type === "message" && record.message.role === "tool").map((record) => record.message.toolCallId)).toEqual([start.callId]);
    expect(runningInGroup(group)).toEqual([]);
  });

  it("13. the prompt is in the file before the first request: kill -9 while the request streams, and the resumed session still holds it", async () => {
    project = await startSimProject({ scenario: { steps: [{ id: "slow", content: "A long answer that never ends in time.", stream: { chunkDelayMs: 500, chunkChars: 2 } }, { id: "fast", repeat: true, content: "Here it is." }] } });
    const cli = startCli(["run", "REQ13-PROMPT: explain the parser"], project);
    await until(() => project!.sim.requests.completions().length === 1, 15_000, "the request");
    await killNow(cli);
    const file = onlySession(project);
    expect(readRecords(file).map((record) => record.type === "message" && record.message.content)).toContain("REQ13-PROMPT: explain the parser");

    const resumed = await runCliToEnd(["run", "-c", "go on"], project);
    expect(resumed.code, resumed.stderr).toBe(0);
    const requests = project.sim.requests.completions();
    expect(requests).toHaveLength(2);
    expect(bodyMessages(requests[1]!).filter((message) => message.role === "user").map((message) => message.content)).toEqual(["REQ13-PROMPT: explain the parser", "go on"]);
    const messages = readRecords(file).filter((record) => record.type === "message").map((record) => [record.message.role, record.message.content]);
    expect(messages).toEqual([
      ["user", "REQ13-PROMPT: explain the parser"],
      ["user", "go on"],
      ["assistant", "Here it is."],
    ]);
  });

  it("14. a file cut in the middle of its last record: resume loads every complete record, reports one skipped line, and never rewrites or truncates the file", async () => {
    project = await startSimProject({ scenario: { steps: [{ when: { lastRole: "user" }, repeat: true, content: "Noted." }] } });
    const file = seedSession(project, [
      { role: "user", content: "REQ14-FIRST" },
      { role: "assistant", content: "REQ14-FIRST-ANSWER" },
      { role: "user", content: "REQ14-CUT: this line is cut by the crash" },
    ]);
    truncateSync(file, readFileSync(file).length - 20);
    const cut = readFileSync(file);
    const lines = cut.toString("utf8").split("\n").length;

    const resumed = await runCliToEnd(["run", "-c", "--output", "stream-json", "REQ14-NEXT"], project);
    expect(resumed.code, resumed.stderr).toBe(0);
    const skipped = resumed.stdout.split("\n").filter((line) => line.includes('"session.skipped-line"'));
    expect(skipped).toHaveLength(1);
    expect(skipped[0]).toContain(`line ${lines} is damaged and was skipped (incomplete last line`);
    const requests = project.sim.requests.completions();
    expect(requests).toHaveLength(1);
    expect(bodyMessages(requests[0]!).slice(1).map((message) => message.content)).toEqual(["REQ14-FIRST", "REQ14-FIRST-ANSWER", "REQ14-NEXT"]);
    // Only appended to: the cut bytes are still the start of the file, the new records after them.
    const after = readFileSync(file);
    expect(after.subarray(0, cut.length).equals(cut)).toBe(true);
    expect(readSessionFile(file).records.filter((record) => record.type === "message")).toHaveLength(4);
  });

  it("15. a damaged header: the file is never rewritten; -c says what is wrong and --fork-session continues in a new session with the readable records", async () => {
    project = await startSimProject({ scenario: { steps: [{ when: { lastRole: "user" }, repeat: true, content: "Still here." }] } });
    const file = seedSession(project, [
      { role: "user", content: "REQ15-EARLIER" },
      { role: "assistant", content: "REQ15-EARLIER-ANSWER" },
    ]);
    const damaged = readFileSync(file, "utf8").replace(/^\{"seq":1,"at":"[^"]*","type":"session"/, '{"seq":1,"at":"x","type":"sess');
    writeFileSync(file, damaged);

    const refused = await runCliToEnd(["run", "-c", "REQ15-NEXT"], project);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${file} line 1 is not a valid session header: expected a "session" record`);
    expect(refused.stderr).toContain("bridle -c --fork-session");
    expect(project.sim.requests.completions()).toHaveLength(0);

    const forked = await runCliToEnd(["run", "-c", "--fork-session", "REQ15-NEXT"], project);
    expect(forked.code, forked.stderr).toBe(0);
    const copy = project.sessionFiles().find((candidate) => candidate !== file)!;
    const requests = project.sim.requests.completions();
    expect(requests).toHaveLength(1);
    expect(bodyMessages(requests[0]!).slice(1).map((message) => message.content)).toEqual(["REQ15-EARLIER", "REQ15-EARLIER-ANSWER", "REQ15-NEXT"]);
    expect(readRecords(copy).filter((record) => record.type === "message").map((record) => record.message.content)).toEqual(["REQ15-EARLIER", "REQ15-EARLIER-ANSWER", "REQ15-NEXT", "Still here."]);
    expect(readFileSync(file, "utf8")).toBe(damaged);
  });

  it("16. kill -9 during a compaction, mid-summary and after the summary: every pre-compaction record stays on disk, and the compaction is one appended record", async () => {
    const switching = await startSwitchProject({ summaryChunkDelayMs: 300, answer: [{ when: { hasTools: true }, repeat: true, content: "Done.", stream: { chunkDelayMs: 300, chunkChars: 1 } }] });
    project = switching;
    const before = readFileSync(switching.sessionFile);

    // Mid-summary: the summary request is streaming.
    const first = startCli(["run", "-c", "-m", SWITCH_MODELS.small.slug, "REQ16-GO"], switching);
    await until(() => switching.sim.requests.completions().some(isSummaryRequest), 15_000, "the summary request");
    await killNow(first);
    let file = readFileSync(switching.sessionFile);
    expect(file.subarray(0, before.length).equals(before)).toBe(true);
    expect(readRecords(switching.sessionFile).some((record) => record.type === "compaction")).toBe(false);

    // After the summary: the compaction record is written and the turn's request streams.
    const second = startCli(["run", "-c", "-m", SWITCH_MODELS.small.slug, "REQ16-AGAIN"], switching);
    await until(() => /"type":"compaction"/.test(textOf(switching.sessionFile)), 20_000, "the compaction record");
    await until(() => switching.sim.requests.completions().filter((request) => !isSummaryRequest(request)).length === 1, 15_000, "the turn's request");
    await killNow(second);
    file = readFileSync(switching.sessionFile);
    expect(file.subarray(0, before.length).equals(before)).toBe(true);
    const records = readRecords(switching.sessionFile);
    const compactions = records.filter((record) => record.type === "compaction");
    expect(compactions).toHaveLength(1);
    // Written by the switch, or by the turn's own fit when the killed run had already switched.
    expect(compactions[0]!.reason).toMatch(/^(model-switch|tier3)$/);
    // Every message of before is still a record, in order, ahead of the compaction.
    const messagesBefore = records.slice(1, switching.history.length + 1);
    expect(messagesBefore.map((record) => record.message)).toEqual(switching.history);

    // Resumed: the conversation restarts from the compaction, so no further summary is needed.
    const summariesSoFar = switching.sim.requests.completions().filter(isSummaryRequest).length;
    const resumed = await runCliToEnd(["run", "-c", "REQ16-LAST"], switching);
    expect(resumed.code, resumed.stderr).toBe(0);
    const requests = switching.sim.requests.completions();
    expect(requests.filter(isSummaryRequest)).toHaveLength(summariesSoFar);
    const last = requests.at(-1)!;
    expect(last).toMatchObject({ model: SWITCH_MODELS.small.slug, outcome: "reply" });
    // The run killed after the summary had written its prompt; the one killed mid-summary was still
    // switching, before its turn began, so its prompt was not written yet.
    expect(bodyMessages(last).filter((message) => message.role === "user").slice(-2).map((message) => message.content)).toEqual(["REQ16-AGAIN", "REQ16-LAST"]);
  });

  it("17. power loss (a disk model keeping only what a completed sync covers): at most the turn in progress is lost", async () => {
    // A slow disk: each sync completes 150 ms after it is asked for.
    const disk = installPowerLossDisk({ syncDelayMs: 150 });
    const sim = await startSim({ steps: [{ when: { lastUserContains: "LAST" }, content: "Still writing…", stream: { chunkDelayMs: 400, chunkChars: 2 } }, { when: { lastRole: "user" }, repeat: true, content: "Done." }] });
    const session = createSimSession(sim, { model: SIM_MODELS.big.slug });
    const controller = new AbortController();
    let inFlight: Promise<unknown> | undefined;
    const scratch = mkdtempSync(path.join(tmpdir(), "bridle-power-loss-"));
    try {
      for (const turn of [1, 2, 3]) {
        const result = await session.agent.runTurn(`REQ17-TURN-${turn}`, { signal: new AbortController().signal });
        expect(result.reason).toBe("stop");
      }
      const finished = readSessionFile(session.log.file).records;
      inFlight = session.agent.runTurn("REQ17-LAST", { signal: controller.signal });
      await until(() => sim.requests.completions().length === 4, 10_000, "the fourth request");

      // The power goes now.
      const image = disk.cut(session.log.file);
      const file = readFileSync(session.log.file);
      // The model is not trivially the file: the last turn's prompt is written but not yet synced.
      expect(image.length).toBeLessThan(file.length);
      expect(file.subarray(0, image.length).equals(image)).toBe(true);
      // Every record of the three finished turns survives; of the fourth, at most its prompt.
      const imageFile = path.join(scratch, "after-power-loss.image");
      writeFileSync(imageFile, image);
      const survived = readSessionFile(imageFile);
      expect(survived.skipped).toEqual([]);
      expect(survived.records.slice(0, finished.length)).toEqual(finished);
      expect(survived.records.slice(finished.length).every((record) => record.type === "message" && record.message.role === "user")).toBe(true);
      expect(sim.requests.completions()).toHaveLength(4);
    } finally {
      controller.abort();
      await inFlight;
      session.close();
      disk.restore();
      rmSync(scratch, { recursive: true, force: true });
      await sim.close();
    }
  });

  it("18. two processes on one session: the second is refused naming the first, nothing of it is written, and no line is interleaved", async () => {
    project = await startSimProject({ scenario: { steps: [{ id: "slow", content: "Working on it, slowly.", stream: { chunkDelayMs: 150, chunkChars: 2 } }] } });
    const file = seedSession(project, [
      { role: "user", content: "REQ18-EARLIER" },
      { role: "assistant", content: "REQ18-EARLIER-ANSWER" },
    ]);
    const holder = startCli(["run", "-c", "REQ18-FIRST"], project);
    await until(() => project!.sim.requests.completions().length === 1, 15_000, "the first process's request");
    const second = await runCliToEnd(["run", "-c", "REQ18-SECOND"], project);
    expect(second.code).not.toBe(0);
    expect(second.stderr).toContain(`process ${holder.child.pid}`);
    expect(await holder.exited).toBe(0);

    expect(project.sim.requests.completions()).toHaveLength(1);
    expect(project.sessionFiles()).toEqual([file]);
    // Every line is one whole record; the second process's prompt is nowhere.
    const lines = readFileSync(file, "utf8").split("\n").filter((line) => line !== "");
    expect(() => lines.map((line) => JSON.parse(line) as unknown)).not.toThrow();
    expect(readSessionFile(file).skipped).toEqual([]);
    expect(readRecords(file).filter((record) => record.type === "message").map((record) => record.message.content)).toEqual(["REQ18-EARLIER", "REQ18-EARLIER-ANSWER", "REQ18-FIRST", "Working on it, slowly."]);
  });
});
