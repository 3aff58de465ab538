import { afterEach, describe, expect, it } from "vitest";
import { type CliProject, loggedMessages, startCliProject } from "./support/cli-project.js";

/**
 * Model switches: a conversation made on one gateway goes on with another model on another
 * gateway. Each case is the built `bridle run`, continued with `-c -m <model> -g <gateway>`, against
 * simulator profiles whose validators are strict; each asserts the requests each gateway got and
 * the session file.
 */
let project: CliProject | undefined;
afterEach(async () => {
  await project?.close();
  project = undefined;
});

/** A 450-character tool-call id, as some gateways hand out (OpenAI Responses ids are "450+ chars"). */
const longId = (tag: string) => `fc_${tag}_${"Zx9-".repeat(120)}`.slice(0, 450);
const LONG_READ = longId("read");
const LONG_BASH = longId("bash");
const SIGNATURE = "sig-A-ErUBCkYIAxgCIkDsNXZpZ3NpZ25hdHVyZQ";
const REDACTED = "redacted-thinking-A-EmwKAhgBEgy3va3pzfpf";
/** A chunk with what a thinking model's gateway attaches: a signed reasoning part and redacted thinking. */
const SIGNED_REASONING = `data: ${JSON.stringify({
  id: "gen-signed",
  object: "chat.completion.chunk",
  created: 1,
  model: "openai/gpt-oss-120b",
  choices: [{ index: 0, delta: { reasoning_details: [{ type: "reasoning.text", text: "", signature: SIGNATURE, format: "anthropic-claude-v1", index: 0 }, { type: "reasoning.encrypted", data: REDACTED, index: 1 }] }, finish_reason: null }],
})}\n\n`;

type Body = { messages: Array<Record<string, any>> };
const bodies = (sim: CliProject["sim"], profile: string) => sim.requests.forProfile(profile).map((request) => request.body as Body);
const callIds = (body: Body) => body.messages.flatMap((message) => (message.tool_calls ?? []).map((call: { id: string }) => call.id));
const resultIds = (body: Body) => body.messages.filter((message) => message.role === "tool").map((message) => message.tool_call_id as string);

async function waitFor(condition: () => boolean, what: string, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}

describe("model switches", () => {
  it("19: switching A→B mid-session (signed and redacted reasoning, 450-character ids, an orphaned call) gives B a request its strict validator accepts, and so does a switch into Kimi", async () => {
    project = await startCliProject({
      // A: Groq, which takes long ids back. B: Vercel in front of OpenAI's 40-character limit, strict about pairing. C: Moonshot (Kimi), strict.
      profiles: ["groq", { profile: "vercel", strictToolCalls: true }, { profile: "moonshot", strictToolCalls: true }],
      keyVariables: { vercel: "AI_GATEWAY_API_KEY" },
      model: "openai/gpt-oss-120b",
      gateway: "groq",
      files: { "a.txt": "alpha\n" },
      scenario: {
        steps: [
          {
            when: { profile: "groq", lastRole: "user" },
            reasoning: "I should read the file first.",
            stream: { insertRaw: [{ afterChunk: 1, text: SIGNED_REASONING }] },
            toolCalls: [{ id: LONG_READ, name: "read", arguments: '{"path":"a.txt"}' }],
          },
          { when: { profile: "groq", lastRole: "tool" }, toolCalls: [{ id: LONG_BASH, name: "bash", arguments: '{"command":"sleep 20"}' }] },
          { when: { profile: "vercel", lastRole: "user" }, toolCalls: [{ name: "read", arguments: '{"path":"a.txt"}' }] },
          { when: { profile: "vercel", lastRole: "tool" }, content: "Continuing on B: a.txt says alpha." },
          { when: { profile: "moonshot", lastRole: "user" }, toolCalls: [{ name: "ls", arguments: '{"path":"."}' }] },
          { when: { profile: "moonshot", lastRole: "tool" }, content: "Kimi has it from here." },
        ],
        fallback: { content: "(no step left)" },
      },
    });
    const { sim } = project;

    // Turn 1 on A: a read with a 450-character id, then a command; killed while the command runs, so its call is left without a result.
    const first = project.start(["run", "-y", "--output", "stream-json", "look at a.txt"]);
    // Killed once the command's process is recorded as running.
    const started = () => project!.sessionFile() !== undefined && project!.sessionRecords().some((record) => record.type === "tool_process" && record.callId === LONG_BASH);
    await waitFor(started, "the command to start");
    first.child.kill("SIGKILL");
    await first.exited;
    const onA = bodies(sim, "groq");
    expect(onA).toHaveLength(2);
    // A takes its own long ids back verbatim.
    expect(callIds(onA[1]!)).toEqual([LONG_READ]);

    // Turn 2: switch to another model on B.
    const onB = await project.run(["run", "-y", "--output", "stream-json", "-c", "-m", "deepseek-v3.1", "-g", "vercel", "go on"]);
    expect(onB.code).toBe(0);
    const toB = sim.requests.forProfile("vercel");
    expect(toB).toHaveLength(2);
    for (const request of toB) expect(request.outcome).not.toBe("rejected");
    for (const body of bodies(sim, "vercel")) {
      const ids = callIds(body);
      for (const id of ids) expect(id.length).toBeLessThanOrEqual(40);
      expect(new Set(ids).size).toBe(ids.length);
      expect(resultIds(body)).toEqual(ids);
      const text = JSON.stringify(body);
      for (const foreign of [SIGNATURE, REDACTED, "reasoning_details", LONG_READ]) expect(text).not.toContain(foreign);
    }
    const [firstOnB, secondOnB] = bodies(sim, "vercel");
    // The orphaned command got a result saying it was interrupted.
    expect(firstOnB!.messages.find((message) => message.role === "tool" && message.tool_call_id === callIds(firstOnB!)[1])?.content).toMatch(/^The session was killed while this call was running `sleep 20`/);
    // Deterministic: the second request repeats the first one's messages byte for byte before adding its own.
    expect(JSON.stringify(secondOnB!.messages.slice(0, firstOnB!.messages.length))).toBe(JSON.stringify(firstOnB!.messages));

    // Turn 3: switch into Kimi on Moonshot: every id in Kimi's own form, numbered in order.
    const onC = await project.run(["run", "-y", "--output", "stream-json", "-c", "-m", "kimi-k2-instruct-0905", "-g", "moonshot", "and now you"]);
    expect(onC.code).toBe(0);
    const toC = sim.requests.forProfile("moonshot");
    expect(toC).toHaveLength(2);
    for (const request of toC) expect(request.outcome).not.toBe("rejected");
    const [firstOnC, secondOnC] = bodies(sim, "moonshot");
    expect(callIds(firstOnC!)).toEqual(["functions.read:0", "functions.bash:1", "functions.read:2"]);
    expect(resultIds(firstOnC!)).toEqual(callIds(firstOnC!));
    expect(callIds(secondOnC!)).toEqual(["functions.read:0", "functions.bash:1", "functions.read:2", "functions.ls:3"]);
    expect(resultIds(secondOnC!)).toEqual(callIds(secondOnC!));

    // Every request went where it should: 2 to A, 2 to B, 2 to C.
    expect(sim.requests.all()).toHaveLength(6);

    // The session file keeps what each gateway really sent, the switches, and the answers.
    const records = project.sessionRecords();
    expect(records.filter((record) => record.type === "model_switch").map((record) => [record.from.gateway, record.to.gateway])).toEqual([
      ["groq", "vercel"],
      ["vercel", "moonshot"],
    ]);
    const messages = loggedMessages(records);
    expect(messages.find((message) => message.role === "tool" && message.toolCallId === LONG_READ)?.content).toContain("alpha");
    expect(messages.filter((message) => message.role === "assistant" && typeof message.content === "string").map((message) => message.content)).toEqual([
      "Continuing on B: a.txt says alpha.",
      "Kimi has it from here.",
    ]);
  });
});
