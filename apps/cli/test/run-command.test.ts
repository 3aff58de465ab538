import { existsSync, readFileSync, realpathSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { streamJsonEventSchema } from "../src/headless/stream-json-schema.js";
import { disposeSimProject, GROQ_KIMI, readRecords, runCliToEnd, runningInGroup, type SimProject, startCli, startSimProject, until } from "./sim-project.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

describe("bridle run (as a process, against the simulator)", () => {
  it("completes a multi-step task with tool calls and leaves the right files on disk", async () => {
    project = await startSimProject({
      files: { "notes.txt": "first line\n" },
      scenario: {
        steps: [
          { when: { lastRole: "user" }, toolCalls: [{ name: "read", arguments: '{"path":"notes.txt"}' }] },
          { when: { lastRole: "tool" }, toolCalls: [{ name: "edit", arguments: JSON.stringify({ path: "notes.txt", old_string: "first line", new_string: "first line\nsecond line" }) }] },
          { when: { lastRole: "tool" }, toolCalls: [{ name: "write", arguments: JSON.stringify({ path: "out/summary.md", content: "# Done\n" }) }] },
          { when: { lastRole: "tool" }, content: "Added the second line and wrote a summary." },
        ],
      },
    });
    const result = await runCliToEnd(["run", "--yes", "add a second line to notes.txt and write out/summary.md"], project);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Added the second line");
    expect(readFileSync(path.join(project.directory, "notes.txt"), "utf8")).toBe("first line\nsecond line\n");
    expect(readFileSync(path.join(project.directory, "out/summary.md"), "utf8")).toBe("# Done\n");
    expect(project.sim.requests.completions()).toHaveLength(4);
  });

  it("prints stream-json events that validate against the documented schema", async () => {
    project = await startSimProject({
      files: { "a.txt": "alpha\n" },
      scenario: {
        steps: [
          { when: { lastRole: "user" }, reasoning: "Read it first.", toolCalls: [{ name: "read", arguments: '{"path":"a.txt"}' }] },
          { when: { lastRole: "tool" }, content: "It says alpha.", stream: { chunkChars: 3 } },
        ],
      },
    });
    const result = await runCliToEnd(["run", "--output", "stream-json", "what does a.txt say?"], project);
    expect(result.code).toBe(0);
    const events = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { type: string });
    for (const event of events) expect(streamJsonEventSchema.safeParse(event).success, JSON.stringify(event)).toBe(true);
    const types = events.map((event) => event.type);
    expect(types[0]).toBe("session");
    expect(types.at(-1)).toBe("done");
    for (const expected of ["turn_start", "text", "tool_call", "tool_result", "assistant", "usage"]) expect(types).toContain(expected);
  });

  it("refuses a read outside the workspace even with --yes, telling the model the one rule that would allow it", async () => {
    project = await startSimProject({
      scenario: {
        steps: [
          { when: { lastRole: "user" }, toolCalls: [{ name: "read", arguments: JSON.stringify({ path: "../outside-notes.txt" }) }] },
          { when: { lastRole: "tool" }, content: "It is outside the workspace." },
        ],
      },
    });
    const outside = path.join(path.dirname(project.directory), "outside-notes.txt");
    writeFileSync(outside, "private\n");
    const result = await runCliToEnd(["run", "--yes", "read ../outside-notes.txt"], project);
    expect(result.code).toBe(0);
    const requests = project.sim.requests.completions();
    expect(requests).toHaveLength(2);
    const records = readRecords(project.sessionFiles()[0]!);
    const toolResult = records.find((record) => record.type === "message" && record.message.role === "tool");
    const text = String(toolResult?.message.content);
    expect(text).toContain(`"read(${realpathSync(path.dirname(outside))}/**)"`);
    expect(text).toContain("no flag allows paths outside the workspace");
    expect(text).not.toContain("private");
  });

  it("exits 2 with a clear message when no model is configured or a key is missing", async () => {
    project = await startSimProject({ config: { model: undefined } });
    const noModel = await runCliToEnd(["run", "hi"], project);
    expect(noModel.code).toBe(2);
    expect(noModel.stderr).toMatch(/no model configured/);
    const noKey = await runCliToEnd(["run", "--model", "kimi", "hi"], project, { GROQ_API_KEY: "" });
    expect(noKey.code).toBe(2);
    expect(noKey.stderr).toMatch(/GROQ_API_KEY/);
  });

  it("resumes the latest session with -c, sending the full history", async () => {
    project = await startSimProject({ scenario: { steps: [{ content: "Noted: the secret word is plum." }, { content: "You told me plum." }] } });
    const first = await runCliToEnd(["run", "remember the word plum"], project);
    expect(first.code).toBe(0);
    const second = await runCliToEnd(["run", "-c", "which word did I give you?"], project);
    expect(second.code).toBe(0);
    const last = project.sim.requests.completions().at(-1)!;
    const contents = (last.body as { messages: Array<{ role: string; content: string }> }).messages.map((message) => `${message.role}:${message.content}`);
    expect(contents).toEqual(expect.arrayContaining(["user:remember the word plum", "assistant:Noted: the secret word is plum.", "user:which word did I give you?"]));
    expect(project.sessionFiles()).toHaveLength(1);
  });

  it("switches model when a resumed session is given --model, and records the switch", async () => {
    project = await startSimProject({ scenario: { steps: [{ content: "first answer" }, { content: "second answer" }] } });
    expect((await runCliToEnd(["run", "first"], project)).code).toBe(0);
    const resumed = await runCliToEnd(["run", "-c", "--model", "openai/gpt-oss-120b", "second"], project);
    expect(resumed.code).toBe(0);
    const last = project.sim.requests.completions().at(-1)!;
    expect(last.model).toBe("openai/gpt-oss-120b");
    const records = readRecords(project.sessionFiles()[0]!);
    expect(records).toContainEqual(expect.objectContaining({ type: "model_switch", to: { model: "gpt-oss-120b", gateway: "groq" } }));
  });

  it("loses no record on Ctrl-C mid-stream and exits 130", async () => {
    project = await startSimProject({ scenario: { steps: [{ content: "a very slow answer ".repeat(40), stream: { chunkChars: 4, chunkDelayMs: 30 } }] } });
    const cli = startCli(["run", "tell me something long"], project);
    await cli.waitFor("a very slow");
    cli.child.kill("SIGINT");
    expect(await cli.exited).toBe(130);
    const [file] = project.sessionFiles();
    const records = readRecords(file!);
    expect(records).toContainEqual(expect.objectContaining({ type: "message", message: { role: "user", content: "tell me something long" } }));
    expect(records).toContainEqual(expect.objectContaining({ type: "interrupted" }));
  });

  it("keeps the user message when killed with -9 right after sending it", async () => {
    project = await startSimProject({ scenario: { steps: [{ content: "too late", stream: { firstByteDelayMs: 10_000 } }, { content: "Here I am." }] } });
    const cli = startCli(["run", "message before the crash"], project);
    await until(() => project!.sim.requests.completions().length === 1, 15_000, "the request to arrive");
    cli.child.kill("SIGKILL");
    await cli.exited;
    const resumed = await runCliToEnd(["run", "-c", "are you there?"], project);
    expect(resumed.code).toBe(0);
    const messages = (project.sim.requests.completions().at(-1)!.body as { messages: Array<{ role: string; content: string }> }).messages;
    expect(messages.filter((message) => message.role === "user").map((message) => message.content)).toEqual(["message before the crash", "are you there?"]);
  });

  it("after kill -9 during a tool, finds its still-running process group on resume, ends it, and tells the model; never re-runs it", async () => {
    project = await startSimProject({
      // Unsandboxed: a sandboxed command dies with Bridle (bubblewrap's --die-with-parent), leaving no group behind.
      config: { permissions: { sandbox: "off" } },
      scenario: {
        steps: [
          { when: { lastRole: "user", lastUserContains: "deploy" }, toolCalls: [{ id: "call_deploy", name: "bash", arguments: '{"command":"echo ran >> runs.txt && sleep 30"}' }] },
          { when: { lastUserContains: "status" }, content: "The deploy was interrupted; I will check before retrying." },
        ],
      },
    });
    const cli = startCli(["run", "--yes", "deploy it"], project);
    await until(() => existsSync(path.join(project!.directory, "runs.txt")), 15_000, "the tool to start");
    const processRecord = () => readRecords(project!.sessionFiles()[0]!).find((record) => record.type === "tool_process");
    await until(() => processRecord() !== undefined, 15_000, "the process group record");
    cli.child.kill("SIGKILL");
    await cli.exited;
    const recorded = processRecord();
    expect(recorded).toMatchObject({ callId: "call_deploy", command: "echo ran >> runs.txt && sleep 30" });
    const group = recorded!.pid as number;
    expect(runningInGroup(group).length).toBeGreaterThan(0);
    const resumed = await runCliToEnd(["run", "-c", "--yes", "status?"], project);
    expect(resumed.code).toBe(0);
    expect(resumed.stderr).toContain(`it was still running (process group ${group}) and has been stopped`);
    expect(runningInGroup(group)).toEqual([]);
    expect(readFileSync(path.join(project.directory, "runs.txt"), "utf8")).toBe("ran\n");
    const messages = (project.sim.requests.completions().at(-1)!.body as { messages: Array<{ role: string; content: string; tool_call_id?: string; tool_calls?: Array<{ id: string; function: { arguments: string } }> }> }).messages;
    // On the wire the call has the id form the model's template needs (Kimi: functions.bash:N).
    const deployId = messages.flatMap((message) => message.tool_calls ?? []).find((call) => call.function.arguments.includes("runs.txt"))!.id;
    const toolResult = messages.find((message) => message.role === "tool" && message.tool_call_id === deployId);
    expect(toolResult?.content).toMatch(/was still running when the session resumed and has been stopped/);
  });

  it("keeps every key out of session files, tool environments and other gateways' requests", async () => {
    project = await startSimProject({
      profiles: ["groq", "openrouter"],
      scenario: {
        steps: [
          { when: { lastRole: "user" }, toolCalls: [{ name: "bash", arguments: '{"command":"env"}' }] },
          { when: { lastRole: "tool" }, content: "Printed the environment." },
        ],
      },
    });
    const secrets = [project.environment.GROQ_API_KEY!, project.environment.OPENROUTER_API_KEY!, "sk-test-extra-secret-0123456789"];
    const result = await runCliToEnd(["run", "--yes", "print the environment"], project, { MY_SERVICE_TOKEN: secrets[2]! });
    expect(result.code).toBe(0);
    const toolOutput = (project.sim.requests.completions().at(-1)!.body as { messages: Array<{ role: string; content: string }> }).messages.find((message) => message.role === "tool")!.content;
    expect(toolOutput).toContain("PATH=");
    for (const secret of secrets) {
      expect(toolOutput).not.toContain(secret);
      for (const file of project.sessionFiles()) expect(readFileSync(file, "utf8")).not.toContain(secret);
    }
    for (const request of project.sim.requests.all()) expect(request.keyOwner).toBe(request.profile);
    expect(project.sim.requests.forProfile("openrouter")).toHaveLength(0);
  });
});

describe("the headless one-shot and --output json", () => {
  const scenario = {
    steps: [
      { when: { lastRole: "user" as const }, toolCalls: [{ name: "read", arguments: '{"path":"a.txt"}' }] },
      { when: { lastRole: "tool" as const }, content: "It says alpha, all of it.", stream: { chunkChars: 3 } },
    ],
  };

  it("runs `bridle \"task\"` and `bridle -p task` like `bridle run`", async () => {
    project = await startSimProject({ files: { "a.txt": "alpha\n" }, scenario: { steps: [{ when: { lastRole: "user" }, repeat: true, content: "Done here." }] } });
    const quoted = await runCliToEnd(["what does a.txt say?"], project);
    expect(quoted.code).toBe(0);
    expect(quoted.stdout.trim()).toBe("Done here.");
    const printed = await runCliToEnd(["-p", "summarize", "a.txt"], project);
    expect(printed.code).toBe(0);
    expect(printed.stdout.trim()).toBe("Done here.");
    expect(project.sim.requests.completions()).toHaveLength(2);
    const typo = await runCliToEnd(["modles"], project);
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain("unknown command 'modles'; did you mean 'models'?");
  });

  it("carries totals (usage, duration, turns, tool calls) and leaves streamed chunks to stream-json", async () => {
    project = await startSimProject({ files: { "a.txt": "alpha\n" }, scenario });
    const result = await runCliToEnd(["-p", "--output", "json", "what does a.txt say?"], project);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, any>;
    expect(summary).toMatchObject({ result: "It says alpha, all of it.", reason: "stop", turns: 2, toolCalls: 1 });
    const recorded = project.sim.requests.completions();
    expect(summary.usage.input).toBe(recorded.reduce((sum, request) => sum + (request.promptTokens ?? 0), 0));
    expect(summary.usage.output).toBe(recorded.reduce((sum, request) => sum + (request.completionTokens ?? 0), 0));
    expect(summary.usage.cached).toBe(recorded.reduce((sum, request) => sum + (request.cachedTokens ?? 0), 0));
    expect(summary.durationMs).toBeGreaterThan(0);
    // No prices known for the model: no cost, rather than a made-up one.
    expect(summary).not.toHaveProperty("cost");
    expect(summary.events.map((event: { type: string }) => event.type)).not.toContain("text");
    expect(summary.events.map((event: { type: string }) => event.type)).toEqual(expect.arrayContaining(["tool_call", "tool_result", "usage", "done"]));
  });

  it("carries the cost when the model's prices are known, from the tokens the gateway reported", async () => {
    const pricing = { input: 1, output: 3, cachedInput: 0.5 };
    project = await startSimProject({ files: { "a.txt": "alpha\n" }, scenario, userConfig: { plugins: { "model-id": { models: { [GROQ_KIMI]: { pricing } } } } } });
    const result = await runCliToEnd(["-p", "--output", "json", "what does a.txt say?"], project);
    expect(result.code).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, any>;
    const recorded = project.sim.requests.completions();
    expect(recorded).toHaveLength(2);
    const sum = (field: "promptTokens" | "completionTokens" | "cachedTokens") => recorded.reduce((total, request) => total + (request[field] ?? 0), 0);
    const expected = ((sum("promptTokens") - sum("cachedTokens")) * pricing.input + sum("cachedTokens") * pricing.cachedInput + sum("completionTokens") * pricing.output) / 1_000_000;
    expect(summary.cost).toBeGreaterThan(0);
    expect(summary.cost).toBeCloseTo(expected, 6);
  });

  it("prints the documented object even when the run cannot start", async () => {
    project = await startSimProject({ config: { gateway: "grok" } });
    const result = await runCliToEnd(["run", "--output", "json", "hello"], project);
    expect(result.code).toBe(2);
    const summary = JSON.parse(result.stdout) as Record<string, any>;
    expect(summary).toMatchObject({ result: "", reason: "error", usage: { input: 0, cached: 0, output: 0 }, turns: 0, toolCalls: 0 });
    expect(summary.message).toContain('unknown gateway "grok"');
  });

  it("prints a refused key once, with the gateway, the status and the variable to check", async () => {
    project = await startSimProject({});
    const result = await runCliToEnd(["run", "hello"], project, { GROQ_API_KEY: "gsk-wrong-key-000000" });
    expect(result.code).toBe(1);
    // Gateway and status once, in the message; no details line repeating them.
    expect(result.stderr.match(/groq answered 401/g)).toHaveLength(1);
    expect(result.stderr).not.toContain("HTTP 401");
    // The variable to check is named once, by whichever line says it first.
    expect(result.stderr.match(/check GROQ_API_KEY/g)).toHaveLength(1);
    expect(result.stderr.match(/Invalid API Key/g)).toHaveLength(1);
    expect(result.stderr).not.toContain('{"');
  });
});
