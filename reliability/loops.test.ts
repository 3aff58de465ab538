import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { ScenarioStepInput } from "@bridle/gateway-sim";
import { afterEach, describe, expect, it } from "vitest";
import { type CliProject, loggedMessages, startCliProject } from "./support/cli-project.js";

/**
 * Loops: a model that repeats itself, calls what cannot run, or streams one chunk forever. Each
 * case is the built `bridle run` against the simulator's Groq profile serving Kimi K2, through the
 * default preset; each asserts what the user saw, the requests the gateway got and the session file.
 */
const MODEL = "moonshotai/kimi-k2-instruct-0905";
const RUN = ["run", "-y", "--output", "stream-json"];

let project: CliProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

const call = (name: string, args: string, extra: Partial<ScenarioStepInput> = {}): ScenarioStepInput => ({ toolCalls: [{ name, arguments: args }], ...extra });
const answer = (content: string): ScenarioStepInput => ({ content });

async function runTask(steps: ScenarioStepInput[], files: Record<string, string> = { "a.txt": "alpha\n" }, task = "do the task") {
  project = await startCliProject({ profiles: ["groq"], model: MODEL, gateway: "groq", files, scenario: { steps, fallback: { content: "(no step left)" } } });
  const run = await project.run([...RUN, task]);
  const records = project.sessionRecords();
  const tools = loggedMessages(records).filter((message) => message.role === "tool");
  return { run, records, tools, requests: project.sim.requests.all().length, done: run.events.find((event) => event.type === "done") };
}

describe("loops", () => {
  it("35: a call with cut, unparseable arguments or an unknown tool never runs; the model gets a structured error and the loop goes on", async () => {
    const { run, tools, requests, done, records } = await runTask([
      // The output limit cut the call mid-arguments: a valid-looking prefix must not run; the request is asked again with more room.
      call("write", '{"path":"cut.txt","content":"abc', { finishReason: "length" }),
      call("write", '{"path": "broken.txt", "content": }'),
      call("delete_everything", '{"path":"."}'),
      answer("I could not do it that way; nothing was written."),
    ]);
    expect(run.code).toBe(0);
    expect(done).toMatchObject({ reason: "stop" });
    expect(requests).toBe(4);
    for (const file of ["cut.txt", "broken.txt"]) expect(existsSync(path.join(project!.workspace, file))).toBe(false);
    expect(records.some((record) => record.type === "feed" && /output limit inside a tool call/.test(record.event.message))).toBe(true);
    expect(JSON.stringify(loggedMessages(records))).not.toContain("cut.txt");
    expect(tools).toHaveLength(2);
    for (const tool of tools) expect(tool).toMatchObject({ isError: true });
    expect(tools[0]!.content).toMatch(/^The call to `write` was not run: `content` must be string/);
    expect(tools[1]!.content).toMatch(/^There is no tool named "delete_everything", so nothing was run\. Available tools: read, write/);
    // No call ran: nothing was started.
    expect(records.filter((record) => record.type === "tool_start")).toHaveLength(0);
    expect(loggedMessages(records).at(-1)).toMatchObject({ role: "assistant", content: "I could not do it that way; nothing was written." });
  });

  it("38: the same call with the same result 3 times in a row is warned and a 4th stops the turn; the same failing call stops at 3; repeats that show something new run on", async () => {
    // Identical successful reads, the arguments spelled differently each time (key order and spacing do not matter).
    const spellings = ['{"path":"a.txt"}', '{ "path": "a.txt" }', '{"path" :"a.txt"}', '{"path":"a.txt"}', '{"path":"a.txt"}', '{"path":"a.txt"}'];
    const repeated = await runTask([...spellings.map((args) => call("read", args)), answer("done")]);
    expect(repeated.run.code).toBe(1);
    expect(repeated.requests).toBe(4);
    expect(repeated.done).toMatchObject({ reason: "doom-loop", message: expect.stringContaining("called read with the same arguments 4 times in a row and got the same result each time") });
    expect(repeated.tools.map((tool) => String(tool.content).includes("exact call to read 3 times in a row"))).toEqual([false, false, true, false]);
    expect(repeated.records.filter((record) => record.type === "tool_start")).toHaveLength(4);
    expect(repeated.records.at(-1)).toMatchObject({ type: "interrupted", reason: repeated.done!.message });
    await project!.close();

    // The same failing call: stopped at the 3rd failure, with the error in the summary.
    const failing = await runTask([...[1, 2, 3, 4].map(() => call("read", '{"path":"missing.txt"}')), answer("done")]);
    expect(failing.run.code).toBe(1);
    expect(failing.requests).toBe(3);
    expect(failing.done).toMatchObject({ reason: "doom-loop", message: expect.stringMatching(/^stopped: the same call to read failed 3 times in a row\. Last error: .*missing\.txt/) });
    expect(failing.tools).toHaveLength(3);
    expect(failing.records.at(-1)).toMatchObject({ type: "interrupted", reason: failing.done!.message });
    await project!.close();

    // Legitimate repeats: a read again after an edit, and a poll whose output moves.
    const poll = '{"command":"wc -l < log.txt && echo line >> log.txt"}';
    const progressing = await runTask(
      [
        call("read", '{"path":"a.txt"}'),
        call("read", '{"path":"a.txt"}'),
        call("edit", '{"path":"a.txt","old_string":"alpha","new_string":"beta"}'),
        call("read", '{"path":"a.txt"}'),
        call("read", '{"path":"a.txt"}'),
        ...[1, 2, 3, 4, 5].map(() => call("bash", poll)),
        answer("done"),
      ],
      { "a.txt": "alpha\n", "log.txt": "" },
    );
    expect(progressing.run.code).toBe(0);
    expect(progressing.done).toMatchObject({ reason: "stop" });
    expect(progressing.requests).toBe(11);
    expect(progressing.tools).toHaveLength(10);
    for (const tool of progressing.tools) expect(String(tool.content)).not.toContain("in a row");
    expect(readFileSync(path.join(project!.workspace, "a.txt"), "utf8")).toBe("beta\n");
    expect(progressing.records.filter((record) => record.type === "interrupted")).toHaveLength(0);
  });

  it("39: a stream repeating one chunk 100 times is aborted as degenerate and the turn ends cleanly", async () => {
    const chunk = "all work and no play ";
    const { run, requests, done, records } = await runTask([
      { when: { lastUserContains: "again" }, content: "Back to work." },
      { contentChunks: Array.from({ length: 150 }, () => chunk), repeat: true },
    ]);
    // The user is told why the turn ended; one request, not retried into the same loop.
    expect(run.code).toBe(1);
    expect(requests).toBe(1);
    expect(done).toMatchObject({ reason: "error", message: `the model repeated the same output 100 times (${JSON.stringify(chunk)}); stopped` });
    // The loop never becomes part of the conversation; what streamed is kept aside, cut at the abort.
    expect(loggedMessages(records).filter((message) => message.role === "assistant")).toHaveLength(0);
    const kept = records.filter((record) => record.type === "interrupted_answer");
    expect(kept).toHaveLength(1);
    expect(kept[0]!.content.length).toBeLessThanOrEqual(100 * chunk.length);
    // The session goes on cleanly.
    const next = await project!.run([...RUN, "-c", "again"]);
    expect(next.code).toBe(0);
    expect(project!.sim.requests.all()).toHaveLength(2);
    expect(loggedMessages(project!.sessionRecords()).at(-1)).toMatchObject({ role: "assistant", content: "Back to work." });
  });
});
