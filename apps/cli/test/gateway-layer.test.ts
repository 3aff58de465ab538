import { chmodSync, existsSync, readFileSync } from "node:fs";
import path from "node:path";
import type { RecordedRequest } from "@bridle/gateway-sim";
import { afterEach, describe, expect, it } from "vitest";
import { writeFile, writeUserConfig } from "./run-cli.js";
import { disposeSimProject, readRecords, runCliToEnd, type SimProject, startSimProject } from "./sim-project.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

type WireMessage = { role: string; content?: unknown; tool_calls?: Array<{ id: string }>; tool_call_id?: string; reasoning_content?: unknown; reasoning?: unknown };
const messagesOf = (request: RecordedRequest) => ((request.body as { messages?: WireMessage[] }).messages ?? []) as WireMessage[];
const assistants = (request: RecordedRequest) => messagesOf(request).filter((message) => message.role === "assistant");
const completions = (sim: SimProject["sim"]) => sim.requests.completions();
const capabilitiesFile = (project: SimProject) => path.join(project.environment.XDG_CACHE_HOME!, "bridle", "capabilities.json");

/** A task that reads a file, then answers; each answer comes with reasoning. */
const readThenAnswer = [
  { when: { lastRole: "user" as const }, reasoning: "I should read a.txt first.", toolCalls: [{ name: "read", arguments: '{"path":"a.txt"}' }] },
  { when: { lastRole: "tool" as const }, reasoning: "The file says alpha.", content: "It says alpha." },
];

describe("reasoning goes back exactly as each family requires (requests read from the simulator's log)", () => {
  it("DeepSeek thinking: every assistant turn carries its reasoning_content, across turns and a new process", async () => {
    project = await startSimProject({
      // DeepSeek's V4 slug, in thinking mode (the profile refuses tool turns sent back without reasoning).
      profiles: [{ profile: "deepseek", models: [{ slug: "deepseek-v4-flash", contextWindow: 131_072, family: "deepseek", reasoning: true }] }],
      files: { "a.txt": "alpha\n" },
      config: { model: "deepseek-reasoner" },
      scenario: { steps: [...readThenAnswer, { when: { lastRole: "user" }, reasoning: "Nothing to read now.", content: "Second answer." }] },
    });
    const first = await runCliToEnd(["run", "--yes", "what does a.txt say?"], project);
    expect(first.code).toBe(0);
    const second = await runCliToEnd(["run", "--yes", "--continue", "and now?"], project);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain("Second answer.");

    const sent = completions(project.sim);
    expect(sent.map((request) => request.outcome)).toEqual(["reply", "reply", "reply"]);
    expect(sent[0]!.model).toBe("deepseek-v4-flash");
    // After the tool call: the tool turn carries the reasoning it came with.
    expect(assistants(sent[1]!)).toEqual([expect.objectContaining({ reasoning_content: "I should read a.txt first.", tool_calls: expect.any(Array) })]);
    // The next turn, in a new process: both earlier assistant turns carry theirs (DeepSeek V4 wants every turn).
    expect(assistants(sent[2]!).map((message) => message.reasoning_content)).toEqual(["I should read a.txt first.", "The file says alpha."]);
  });

  it("Kimi tool calls: functions.NAME:N ids go back verbatim, reasoning only on tool turns and never empty", async () => {
    project = await startSimProject({
      profiles: ["moonshot"],
      files: { "a.txt": "alpha\n", "b.txt": "beta\n" },
      config: { model: "kimi-k2-thinking" },
      scenario: {
        steps: [
          { when: { lastRole: "user" }, reasoning: "Read both files.", toolCalls: [{ name: "read", arguments: '{"path":"a.txt"}' }, { name: "read", arguments: '{"path":"b.txt"}' }] },
          { when: { lastRole: "tool" }, content: "alpha and beta." },
          { when: { lastRole: "user" }, reasoning: "One more read.", toolCalls: [{ name: "read", arguments: '{"path":"a.txt"}' }] },
          { when: { lastRole: "tool" }, content: "Still alpha." },
        ],
      },
    });
    expect((await runCliToEnd(["run", "--yes", "read a.txt and b.txt"], project)).code).toBe(0);
    expect((await runCliToEnd(["run", "--yes", "--continue", "read a.txt again"], project)).code).toBe(0);

    const sent = completions(project.sim);
    expect(sent.map((request) => request.outcome)).toEqual(["reply", "reply", "reply", "reply"]);
    const last = messagesOf(sent[3]!);
    const calls = last.filter((message) => message.role === "assistant" && message.tool_calls).flatMap((message) => message.tool_calls!.map((call) => call.id));
    expect(calls).toHaveLength(3);
    for (const id of calls) expect(id).toMatch(/^functions\.read:\d+$/);
    expect(last.filter((message) => message.role === "tool").map((message) => message.tool_call_id)).toEqual(calls);
    const turns = last.filter((message) => message.role === "assistant");
    expect(turns.map((message) => message.reasoning_content)).toEqual(["Read both files.", undefined, "One more read."]);
    for (const request of sent) for (const message of assistants(request)) expect(message.reasoning_content).not.toBe("");
  });
});

describe("capability negotiation at run time", () => {
  it("an unknown model on a gateway that demands replay recovers on the first 400 and never sends the failing shape again", async () => {
    const demand = "The reasoning_content in the thinking mode must be passed back to the API";
    project = await startSimProject({
      profiles: [{ profile: "openrouter", models: [{ slug: "mystery-reasoner-x1", contextWindow: 65_536, reasoning: true }], requireReasoningReplay: { message: demand } }],
      files: { "a.txt": "alpha\n" },
      config: { model: "mystery-reasoner-x1" },
      scenario: { steps: [...readThenAnswer, ...readThenAnswer] },
    });
    const first = await runCliToEnd(["run", "--yes", "what does a.txt say?"], project);
    expect(first.code).toBe(0);
    expect(first.stdout).toContain("It says alpha.");
    let sent = completions(project.sim);
    expect(sent.map((request) => request.outcome)).toEqual(["reply", "rejected", "reply"]);
    expect(assistants(sent[1]!)[0]).not.toHaveProperty("reasoning_content");
    expect(assistants(sent[2]!)[0]).toMatchObject({ reasoning_content: "I should read a.txt first." });
    expect(JSON.parse(readFileSync(capabilitiesFile(project), "utf8")).gateways.openrouter).toEqual({
      "mystery-reasoner-x1": expect.objectContaining({ replay: { field: "reasoning_content" } }),
    });
    const feed = project.sessionFiles().flatMap((file) => readRecords(file)).filter((record) => record.type === "feed");
    expect(feed.map((record) => record.event.type)).toContain("gateway.negotiated");

    // A new process and a new session: the first request with an assistant turn already carries it.
    const again = await runCliToEnd(["run", "--yes", "read it again"], project);
    expect(again.code).toBe(0);
    sent = completions(project.sim).slice(3);
    expect(sent.map((request) => request.outcome)).toEqual(["reply", "reply"]);
    expect(assistants(sent[1]!)[0]).toMatchObject({ reasoning_content: "I should read a.txt first." });
  });

  it("a 400 naming an unsupported field: exactly one retry without it; later requests and a new process never send it", async () => {
    project = await startSimProject({
      profiles: [{ profile: "groq", rejectFields: [{ field: "stream_options", message: "Unrecognized request argument supplied: stream_options" }] }],
      files: { "a.txt": "alpha\n" },
      scenario: { steps: [...readThenAnswer, { when: { lastRole: "user" }, content: "Fine." }] },
    });
    const first = await runCliToEnd(["run", "--yes", "what does a.txt say?"], project);
    expect(first.code).toBe(0);
    const sent = completions(project.sim);
    expect(sent.map((request) => request.outcome)).toEqual(["rejected", "reply", "reply"]);
    expect(sent[0]!.body).toHaveProperty("stream_options");
    for (const request of sent.slice(1)) expect(request.body).not.toHaveProperty("stream_options");
    expect(first.stderr + first.stdout).toMatch(/stream_options no longer sent/);

    const next = await runCliToEnd(["run", "--yes", "anything else?"], project);
    expect(next.code).toBe(0);
    const later = completions(project.sim).slice(3);
    expect(later.map((request) => request.outcome)).toEqual(["reply"]);
    expect(later[0]!.body).not.toHaveProperty("stream_options");

    const listed = await runCliToEnd(["gateways", "--json"], project);
    const groq = (JSON.parse(listed.stdout) as Array<{ id: string; negotiated: Array<{ model: string; dropped: string[] }> }>).find((gateway) => gateway.id === "groq");
    expect(groq?.negotiated).toEqual([expect.objectContaining({ dropped: ["stream_options"] })]);
  });

  it("renames the output limit when a gateway words its refusal its own way, and stops after one try when the fix does not help", async () => {
    project = await startSimProject({
      profiles: [
        {
          profile: "groq",
          rejectFields: [
            { field: "max_tokens", message: "Parameter 'max_tokens' is deprecated for this model and no longer accepted; use max_completion_tokens instead." },
            { field: "max_completion_tokens", status: 422, message: "max_completion_tokens: extra fields not permitted" },
          ],
        },
      ],
      scenario: { steps: [{ when: { lastRole: "user" }, content: "never reached" }] },
    });
    const result = await runCliToEnd(["run", "--yes", "hello"], project);
    expect(result.code).toBe(1);
    const sent = completions(project.sim);
    // One rename, then the other name is refused too: no third try, no flip back.
    expect(sent.map((request) => request.outcome)).toEqual(["rejected", "rejected"]);
    expect(sent[0]!.body).toHaveProperty("max_tokens");
    expect(sent[1]!.body).toHaveProperty("max_completion_tokens");
    expect(sent[1]!.body).not.toHaveProperty("max_tokens");
  });
});

describe("third-party provider plugins serve a session end to end from config", () => {
  const SERVED = "kimi-k2-instruct-0905";
  const acmeFile = `import { definePlugin, defineGateway } from "@bridle/core";
import { z } from "zod";
export default definePlugin({
  name: "acme-gateway",
  description: "Acme's OpenAI-compatible endpoint.",
  options: z.object({ baseURL: z.string().default("https://api.acme.example/v1").describe("Acme's API base URL.") }),
  apply(kernel, options) {
    kernel.gateways.define(defineGateway({ id: "acme", name: "Acme", baseURL: options.baseURL, apiKeyEnv: "ACME_API_KEY" }));
  },
});
`;

  it("the outsider file from the README, next to the user's config and named in it", async () => {
    project = await startSimProject({
      profiles: [{ profile: "together", name: "acme", models: [{ slug: SERVED, contextWindow: 131_072, family: "kimi" }] }],
      scenario: { steps: [{ when: { lastRole: "user" }, content: "Hello from Acme." }] },
    });
    chmodSync(writeFile(path.join(project.configHome, "bridle", "acme-gateway.mjs"), acmeFile), 0o600);
    writeUserConfig(project.configHome, {
      trustedFolders: [project.directory],
      plugins: { "./acme-gateway.mjs": { baseURL: project.sim.baseURL("acme") } },
      gateway: "acme",
      model: SERVED,
    });
    writeFile(path.join(project.directory, "bridle.config.json"), {});
    const environment = { ACME_API_KEY: project.sim.apiKey("acme") };
    const result = await runCliToEnd(["run", "say hello"], project, environment);
    expect(result.stderr).not.toMatch(/error/i);
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("Hello from Acme.");
    const [request] = completions(project.sim);
    expect(request).toMatchObject({ profile: "acme", keyOwner: "acme", model: SERVED, outcome: "reply" });

    const listed = await runCliToEnd(["gateways"], project, environment);
    const row = listed.stdout.split("\n").find((line) => line.startsWith("acme "));
    expect(row).toMatch(/plugin acme-gateway \(.*acme-gateway\.mjs\)/);
    expect(row).toContain("ACME_API_KEY set");
    expect(listed.stdout).toMatch(/^groq +built-in \(plugin gateways\) +GROQ_API_KEY missing/m);
    expect(listed.stdout).not.toContain(environment.ACME_API_KEY);
    const checked = await runCliToEnd(["gateways", "--check", "--json"], project, environment);
    const acme = (JSON.parse(checked.stdout) as Array<{ id: string; check?: { ok: boolean } }>).find((gateway) => gateway.id === "acme");
    expect(acme?.check?.ok).toBe(true);
  });

  it("the example package, by package name and by path", async () => {
    project = await startSimProject({
      profiles: [{ profile: "together", name: "nimbus", models: [{ slug: "nimbus-coder-7b", contextWindow: 32_768 }] }],
      scenario: { steps: [{ when: { lastRole: "user" }, repeat: true, content: "Hello from Nimbus." }] },
    });
    const environment = { NIMBUS_API_KEY: project.sim.apiKey("nimbus") };
    const examplePath = path.resolve(__dirname, "../../../examples/third-party-gateway/src/index.js");
    expect(existsSync(examplePath)).toBe(true);
    for (const specifier of ["bridle-gateway-nimbus", path.relative(project.directory, examplePath)]) {
      const name = specifier.startsWith(".") ? specifier : specifier.startsWith("bridle") ? specifier : `./${specifier}`;
      writeFile(path.join(project.directory, "bridle.config.json"), { plugins: { [name]: { baseURL: project.sim.baseURL("nimbus") } }, gateway: "nimbus", model: "nimbus-coder-7b" });
      const result = await runCliToEnd(["run", "say hello"], project, environment);
      expect(result.stderr).not.toMatch(/error/i);
      expect(result.code).toBe(0);
      expect(result.stdout).toContain("Hello from Nimbus.");
    }
    const sent = completions(project.sim);
    expect(sent).toHaveLength(2);
    for (const request of sent) expect(request).toMatchObject({ keyOwner: "nimbus", model: "nimbus-coder-7b", outcome: "reply" });
  });
});
