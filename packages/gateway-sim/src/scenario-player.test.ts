import { readFileSync } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import OpenAI from "openai";
import { describe, expect, test } from "vitest";
import { ChatRequestView } from "./chat-request-view.js";
import { loadScenarioFile, parseScenario } from "./parse-scenario.js";
import { ScenarioPlayer } from "./scenario-player.js";
import { startGatewaySim } from "./start-gateway-sim.js";

function request(messages: Record<string, unknown>[], extra: Record<string, unknown> = {}, profile = "groq", slug = "openai/gpt-oss-120b"): ChatRequestView {
  return new ChatRequestView(profile, slug, { model: slug, messages, ...extra });
}

const user = (content: string) => ({ role: "user", content });

describe("ScenarioPlayer", () => {
  test("steps without conditions are a script consumed in order, then the digest answers", () => {
    const player = new ScenarioPlayer([{ id: "a", content: "A" }, { id: "b", content: "B" }]);
    expect(player.choose(request([user("x")])).label).toBe("a");
    expect(player.choose(request([user("x")])).label).toBe("b");
    expect(player.choose(request([user("x")]))).toEqual({ step: undefined, index: -1, label: "digest" });
  });

  test("the first unused step whose conditions match wins, wherever it is", () => {
    const player = new ScenarioPlayer({
      steps: [
        { id: "summary", when: { hasTools: false, lastUserContains: "Summarize" }, content: "Summary." },
        { id: "after-tool", when: { lastRole: "tool" }, content: "Read it." },
        { id: "plain", content: "Hello." },
      ],
    });
    expect(player.choose(request([user("hi")], { tools: [{ type: "function" }] })).label).toBe("plain");
    const toolTurn = request([user("hi"), { role: "assistant", content: null }, { role: "tool", tool_call_id: "1", content: "x" }]);
    expect(player.choose(toolTurn).label).toBe("after-tool");
    expect(player.choose(request([user("Summarize the conversation so far")])).label).toBe("summary");
    expect(player.choose(request([user("Summarize again")])).label).toBe("digest");
  });

  test("repeat: true answers forever, a number answers that many times", () => {
    const player = new ScenarioPlayer([{ id: "twice", repeat: 2, content: "x" }, { id: "always", repeat: true, content: "y" }]);
    const labels = Array.from({ length: 5 }, () => player.choose(request([user("x")])).label);
    expect(labels).toEqual(["twice", "twice", "always", "always", "always"]);
    expect(player.pendingSteps).toBe(1);
  });

  test("conditions on profile, model, stream, message counts and system text", () => {
    const player = new ScenarioPlayer([
      { id: "fireworks-only", when: { profile: ["fireworks", "together"] }, content: "f" },
      { id: "streamed-glm", when: { model: "z-ai/glm-4.6", stream: true }, content: "g" },
      { id: "long", when: { minMessages: 3, systemContains: "strict" }, content: "l" },
      { id: "short", when: { maxMessages: 1, anyMessageContains: "needle" }, content: "s" },
    ]);
    expect(player.choose(request([user("x")], {}, "groq")).label).toBe("digest");
    expect(player.choose(request([user("x")], {}, "together")).label).toBe("fireworks-only");
    expect(player.choose(request([user("x")], {}, "openrouter", "z-ai/glm-4.6")).label).toBe("digest");
    expect(player.choose(request([user("x")], { stream: true }, "openrouter", "z-ai/glm-4.6")).label).toBe("streamed-glm");
    expect(player.choose(request([{ role: "system", content: "be strict" }, user("a"), user("b")])).label).toBe("long");
    expect(player.choose(request([user("find the needle")])).label).toBe("short");
  });

  test("setScenario replaces the steps and their use counts; enqueue appends", () => {
    const player = new ScenarioPlayer([{ id: "old", content: "x" }]);
    player.enqueue({ id: "queued", content: "y" });
    player.setScenario([{ id: "new", content: "z" }]);
    expect(player.choose(request([user("x")])).label).toBe("new");
    player.enqueue({ id: "queued", content: "y" });
    expect(player.choose(request([user("x")])).label).toBe("queued");
  });

  test("a fallback step replaces the digest", () => {
    const player = new ScenarioPlayer({ steps: [], fallback: { id: "default", content: "I have nothing scripted." } });
    expect(player.choose(request([user("x")])).label).toBe("default");
    expect(player.choose(request([user("x")])).label).toBe("default");
  });
});

describe("scenario validation", () => {
  test("the README's scenario examples are valid scenarios", () => {
    const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
    const blocks = [...readme.matchAll(/```json\n([\s\S]*?)```/g)].map((match) => JSON.parse(match[1] as string) as never);
    expect(blocks.length).toBeGreaterThanOrEqual(2);
    for (const block of blocks) expect(() => parseScenario(block, "README")).not.toThrow();
  });

  test("errors name the field that is wrong", () => {
    expect(() => parseScenario([{ toolCalls: [{ arguments: "{}" }] }] as never)).toThrow(/steps\.0\.toolCalls\.0\.name/);
    expect(() => parseScenario([{ content: "ab", contentChunks: ["a", "c"] }])).toThrow(/contentChunks must join to content/);
    expect(() => parseScenario([{ error: { kind: "rate_limit" }, content: "x" }])).toThrow(/cannot also reply/);
    expect(() => parseScenario([{ when: { lastRole: "robot" } }] as never)).toThrow(/steps\.0\.when\.lastRole/);
    expect(() => parseScenario({ steps: [], bogus: true } as never)).toThrow(/bogus/);
  });

  test("a scenario file is read and validated, errors naming the file", async () => {
    const directory = await mkdtemp(join(tmpdir(), "gateway-sim-"));
    try {
      const good = join(directory, "good.json");
      await writeFile(good, JSON.stringify({ name: "demo", steps: [{ content: "hi", repeat: true }] }));
      expect((await loadScenarioFile(good)).steps[0]?.content).toBe("hi");
      const bad = join(directory, "bad.json");
      await writeFile(bad, JSON.stringify({ steps: [{ repeat: 0 }] }));
      await expect(loadScenarioFile(bad)).rejects.toThrow(`${bad}: invalid scenario: steps.0.repeat`);
      const notJson = join(directory, "broken.json");
      await writeFile(notJson, "{ steps: ");
      await expect(loadScenarioFile(notJson)).rejects.toThrow(`${notJson}: scenario file is not valid JSON`);
      await expect(loadScenarioFile(join(directory, "missing.json"))).rejects.toThrow(/cannot read scenario file/);
    } finally {
      await rm(directory, { recursive: true, force: true });
    }
  });
});

describe("the scripted model over HTTP", () => {
  test("the digest is deterministic per conversation and a summarization request gets the summary step", async () => {
    const sim = await startGatewaySim({
      profiles: ["deepseek"],
      scenario: { steps: [{ id: "summary", repeat: true, when: { hasTools: false, lastUserContains: "Summarize" }, content: "Summary: the user asked for a fix." }] },
    });
    try {
      const client = new OpenAI({ baseURL: sim.baseURL(), apiKey: sim.apiKey(), maxRetries: 0 });
      const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: "function", function: { name: "read", parameters: { type: "object" } } }];
      const conversation = [{ role: "user" as const, content: "Fix the bug in parser.ts" }];
      const first = await client.chat.completions.create({ model: "deepseek-chat", messages: conversation, tools });
      const again = await client.chat.completions.create({ model: "deepseek-chat", messages: conversation, tools });
      const other = await client.chat.completions.create({ model: "deepseek-chat", messages: [{ role: "user", content: "Fix the bug in lexer.ts" }], tools });
      expect(first.choices[0]?.message.content).toBe(again.choices[0]?.message.content);
      expect(first.choices[0]?.message.content).not.toBe(other.choices[0]?.message.content);
      expect(first.choices[0]?.message.content).toContain('Last user message: "Fix the bug in parser.ts"');
      const summary = await client.chat.completions.create({ model: "deepseek-chat", messages: [...conversation, { role: "user", content: "Summarize the conversation." }] });
      expect(summary.choices[0]?.message.content).toBe("Summary: the user asked for a fix.");
      const reasoner = await client.chat.completions.create({ model: "deepseek-reasoner", messages: conversation });
      expect((reasoner.choices[0]?.message as unknown as Record<string, unknown>).reasoning_content).toMatch(/^Reading 1 message/);
    } finally {
      await sim.close();
    }
  });

  test("setScenario and enqueue work on a live simulator", async () => {
    const sim = await startGatewaySim({ profiles: ["zai"], scenario: [{ content: "first" }] });
    try {
      const client = new OpenAI({ baseURL: sim.baseURL(), apiKey: sim.apiKey(), maxRetries: 0 });
      const say = async () => (await client.chat.completions.create({ model: "glm-4.6", messages: [{ role: "user", content: "x" }] })).choices[0]?.message.content;
      sim.setScenario([{ content: "replaced" }]);
      expect(await say()).toBe("replaced");
      sim.enqueue({ content: "queued" });
      expect(sim.pendingSteps).toBe(1);
      expect(await say()).toBe("queued");
      expect(() => sim.setScenario([{ repeat: -1 }] as never)).toThrow(/setScenario: invalid scenario/);
    } finally {
      await sim.close();
    }
  });

  test("Kimi tool-call ids carry the conversation-wide call index", async () => {
    const sim = await startGatewaySim({ profiles: ["moonshot"], scenario: [{ toolCalls: [{ name: "read", arguments: "{}" }, { name: "bash", arguments: "{}" }] }] });
    try {
      const client = new OpenAI({ baseURL: sim.baseURL(), apiKey: sim.apiKey(), maxRetries: 0 });
      const earlier = { role: "assistant" as const, content: null, tool_calls: [{ id: "functions.ls:0", type: "function" as const, function: { name: "ls", arguments: "{}" } }] };
      const completion = await client.chat.completions.create({
        model: "kimi-k2-0905-preview",
        messages: [{ role: "user", content: "x" }, earlier, { role: "tool", tool_call_id: "functions.ls:0", content: "a" }],
      });
      expect(completion.choices[0]?.message.tool_calls?.map((call) => call.id)).toEqual(["functions.read:1", "functions.bash:2"]);
      expect(completion.choices[0]?.finish_reason).toBe("tool_calls");
    } finally {
      await sim.close();
    }
  });
});
