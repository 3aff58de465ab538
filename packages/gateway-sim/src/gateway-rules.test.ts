import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startGatewaySim, type GatewaySim } from "./start-gateway-sim.js";
import { collectStream } from "./testing/collect-stream.js";

let sim: GatewaySim;
beforeAll(async () => {
  sim = await startGatewaySim({ profiles: ["groq", "deepseek", "moonshot", "minimax", "fireworks", "together", "openrouter", "zai"] });
});
afterAll(async () => {
  await sim.close();
});

const clientFor = (profile: string) => new OpenAI({ baseURL: sim.baseURL(profile), apiKey: sim.apiKey(profile), maxRetries: 0 });
const failure = (promise: Promise<unknown>) => promise.then(() => undefined, (caught: unknown) => caught as InstanceType<typeof OpenAI.APIError>);

describe("fields each gateway rejects", () => {
  test("Groq refuses logprobs and n > 1", async () => {
    const groq = clientFor("groq");
    const logprobs = await failure(groq.chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: "x" }], logprobs: true }));
    expect(logprobs?.status).toBe(400);
    expect(logprobs?.message).toContain("logprobs");
    expect((await failure(groq.chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: "x" }], n: 2 })))?.status).toBe(400);
    expect(sim.requests.last("groq")?.outcome).toBe("rejected");
  });

  test("DeepSeek reasoner refuses assistant tool calls sent back without reasoning_content", async () => {
    const deepseek = clientFor("deepseek");
    const turn = { role: "assistant" as const, content: null, tool_calls: [{ id: "call_1", type: "function" as const, function: { name: "read", arguments: "{}" } }] };
    const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: "user", content: "x" }, turn, { role: "tool", tool_call_id: "call_1", content: "y" }];
    const error = await failure(deepseek.chat.completions.create({ model: "deepseek-reasoner", messages }));
    expect(error?.status).toBe(400);
    expect(error?.message).toContain("Missing `reasoning_content` field in the assistant message at message index 1");
    const withReasoning = [messages[0], { ...turn, reasoning_content: "I read it." }, messages[2]] as OpenAI.Chat.Completions.ChatCompletionMessageParam[];
    await expect(deepseek.chat.completions.create({ model: "deepseek-reasoner", messages: withReasoning })).resolves.toBeDefined();
    await expect(deepseek.chat.completions.create({ model: "deepseek-chat", messages })).resolves.toBeDefined();
  });

  test("Kimi with thinking on refuses a forced tool_choice unless thinking is disabled", async () => {
    const moonshot = clientFor("moonshot");
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: "function", function: { name: "read", parameters: { type: "object" } } }];
    const base = { model: "kimi-k2-thinking", messages: [{ role: "user" as const, content: "x" }], tools, tool_choice: "required" as const };
    const error = await failure(moonshot.chat.completions.create(base));
    expect(error?.message).toContain("tool_choice 'specified'/'required' is incompatible with thinking enabled");
    await expect(moonshot.chat.completions.create({ ...base, thinking: { type: "disabled" } } as never)).resolves.toBeDefined();
    const temperature = await failure(moonshot.chat.completions.create({ model: "kimi-k2.5", messages: [{ role: "user", content: "x" }], temperature: 0.2 }));
    expect(temperature?.status).toBe(400);
  });

  test("MiniMax accepts only none or auto as tool_choice", async () => {
    const minimax = clientFor("minimax");
    const tools: OpenAI.Chat.Completions.ChatCompletionTool[] = [{ type: "function", function: { name: "read", parameters: { type: "object" } } }];
    expect((await failure(minimax.chat.completions.create({ model: "MiniMax-M2", messages: [{ role: "user", content: "x" }], tools, tool_choice: "required" })))?.status).toBe(400);
    await expect(minimax.chat.completions.create({ model: "MiniMax-M2", messages: [{ role: "user", content: "x" }], tools, tool_choice: "auto" })).resolves.toBeDefined();
  });
});

describe("max-tokens parameter names", () => {
  test("Fireworks reads max_tokens and ignores max_completion_tokens", async () => {
    const fireworks = clientFor("fireworks");
    const model = "accounts/fireworks/models/glm-4p6";
    const content = "one two three four five six seven eight nine ten eleven twelve";
    sim.enqueue({ content, when: { profile: "fireworks" } }, { content, when: { profile: "fireworks" } });
    const capped = await fireworks.chat.completions.create({ model, messages: [{ role: "user", content: "x" }], max_tokens: 3 });
    expect(capped.choices[0]?.finish_reason).toBe("length");
    expect(capped.choices[0]?.message.content).toBe("one two three");
    expect(sim.requests.last("fireworks")?.maxTokens).toBe(3);
    const ignored = await fireworks.chat.completions.create({ model, messages: [{ role: "user", content: "x" }], max_completion_tokens: 3 });
    expect(ignored.choices[0]?.message.content).toBe(content);
    expect(sim.requests.last("fireworks")?.maxTokens).toBeUndefined();
  });

  test("a cut inside tool-call arguments leaves truncated JSON, as a real max_tokens stop does", async () => {
    const openrouter = clientFor("openrouter");
    sim.enqueue({ toolCalls: [{ name: "write", arguments: '{"path":"a.txt","content":"a long body of text that will not fit"}' }], when: { profile: "openrouter" } });
    const completion = await openrouter.chat.completions.create({ model: "qwen/qwen3-coder", messages: [{ role: "user", content: "x" }], max_tokens: 8 });
    const call = completion.choices[0]?.message.tool_calls?.[0];
    const args = call?.type === "function" ? call.function.arguments : "";
    expect(completion.choices[0]?.finish_reason).toBe("length");
    expect('{"path":"a.txt","content":"a long body of text that will not fit"}'.startsWith(args)).toBe(true);
    expect(() => JSON.parse(args)).toThrow();
  });

  test("overflow counts prompt plus max_tokens where the gateway does (Moonshot) and the prompt alone elsewhere (Together)", async () => {
    const small = await startGatewaySim({
      profiles: [
        { profile: "moonshot", contextWindows: { "kimi-k2-0905-preview": 1000 } },
        { profile: "together", contextWindows: { "openai/gpt-oss-120b": 1000 } },
      ],
    });
    try {
      const messages = [{ role: "user" as const, content: "word ".repeat(500) }];
      const moonshot = new OpenAI({ baseURL: small.baseURL("moonshot"), apiKey: small.apiKey("moonshot"), maxRetries: 0 });
      const together = new OpenAI({ baseURL: small.baseURL("together"), apiKey: small.apiKey("together"), maxRetries: 0 });
      const error = await failure(moonshot.chat.completions.create({ model: "kimi-k2-0905-preview", messages, max_tokens: 600 }));
      expect(error?.message).toBe("400 Your request exceeded model token limit : 1000");
      await expect(moonshot.chat.completions.create({ model: "kimi-k2-0905-preview", messages, max_tokens: 100 })).resolves.toBeDefined();
      await expect(together.chat.completions.create({ model: "openai/gpt-oss-120b", messages, max_tokens: 600 })).resolves.toBeDefined();
    } finally {
      await small.close();
    }
  });
});

describe("GET /v1/models", () => {
  test("Together answers with a bare array; OpenRouter lists context lengths", async () => {
    const together = await fetch(`${sim.baseURL("together")}/models`, { headers: { authorization: `Bearer ${sim.apiKey("together")}` } });
    const list = (await together.json()) as unknown[];
    expect(Array.isArray(list)).toBe(true);
    expect(list).toContainEqual(expect.objectContaining({ id: "moonshotai/Kimi-K2-Instruct-0905", context_length: 262_144 }));
    const models = await clientFor("openrouter").models.list();
    const ids = models.data.map((model) => model.id);
    expect(ids).toContain("z-ai/glm-4.6");
    expect(models.data.find((model) => model.id === "z-ai/glm-4.6")).toMatchObject({ context_length: 202_752 });
  });
});

describe("recorded requests", () => {
  test("record which key went to which gateway, the slug and the affinity key, never the key itself", async () => {
    sim.requests.clear();
    const fireworks = clientFor("fireworks");
    await fireworks.chat.completions.create({ model: "accounts/fireworks/models/glm-4p6", messages: [{ role: "user", content: "x" }], prompt_cache_key: "sess-9" } as never);
    const misrouted = new OpenAI({ baseURL: sim.baseURL("groq"), apiKey: sim.apiKey("fireworks"), maxRetries: 0 });
    await failure(misrouted.chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: "x" }] }));
    const stranger = new OpenAI({ baseURL: sim.baseURL("zai"), apiKey: "sk-live-abcdef1234", maxRetries: 0 });
    await failure(stranger.chat.completions.create({ model: "glm-4.6", messages: [{ role: "user", content: "x" }] }));

    const [good, wrong, unknown] = sim.requests.all();
    expect(good).toMatchObject({ profile: "fireworks", keyOwner: "fireworks", model: "accounts/fireworks/models/glm-4p6", status: 200, affinityKey: { source: "body:prompt_cache_key", value: "sess-9" } });
    expect(good?.body).toMatchObject({ prompt_cache_key: "sess-9" });
    expect(wrong).toMatchObject({ profile: "groq", keyOwner: "fireworks", keyFingerprint: "[redacted:fireworks]", status: 401, outcome: "unauthorized" });
    expect(unknown).toMatchObject({ profile: "zai", keyOwner: null, keyFingerprint: "[redacted:unknown …1234]", status: 401 });
    const serialized = JSON.stringify(sim.requests.all());
    for (const key of [sim.apiKey("fireworks"), "sk-live-abcdef1234"]) expect(serialized).not.toContain(key);
    expect(sim.requests.forProfile("groq")).toHaveLength(1);
    expect(sim.requests.completions("fireworks")).toHaveLength(1);
  });

  test("unknown routes and invalid JSON are answered and recorded", async () => {
    const unknown = await fetch(`${sim.url}/nowhere/v1/chat/completions`, { method: "POST", body: "{}" });
    expect(unknown.status).toBe(404);
    expect(await unknown.text()).toContain("/groq/v1");
    const badJson = await fetch(`${sim.baseURL("groq")}/chat/completions`, { method: "POST", headers: { authorization: `Bearer ${sim.apiKey("groq")}` }, body: "{not json" });
    expect(badJson.status).toBe(400);
    expect(sim.requests.last("groq")).toMatchObject({ outcome: "bad_request", body: "{not json" });
  });
});

test("Z.ai streams tool arguments whole unless the request sends tool_stream: true", async () => {
  const zai = clientFor("zai");
  const step = { toolCalls: [{ name: "bash", arguments: '{"command":"npm test -- --run"}' }], when: { profile: "zai" } };
  sim.enqueue(step, step);
  const whole = await collectStream(await zai.chat.completions.create({ model: "glm-4.6", messages: [{ role: "user", content: "x" }], stream: true }));
  expect(whole.toolCalls[0]?.argumentChunks).toBe(1);
  const streamed: OpenAI.Chat.Completions.ChatCompletionCreateParamsStreaming = { model: "glm-4.6", messages: [{ role: "user", content: "x" }], stream: true };
  const deltas = await collectStream(await zai.chat.completions.create({ ...streamed, tool_stream: true } as typeof streamed));
  expect(deltas.toolCalls[0]?.argumentChunks).toBeGreaterThan(1);
  expect(deltas.toolCalls[0]?.arguments).toBe('{"command":"npm test -- --run"}');
  expect(deltas.toolCalls[0]?.id).toMatch(/^call_[0-9a-f]{24}$/);
});

test("a step can replace the usage numbers (calibration and silent-overflow cases)", async () => {
  sim.enqueue({ content: "ok", usage: { promptTokens: 999_999, cachedTokens: 123, completionTokens: 7 }, when: { profile: "together" } });
  const completion = await clientFor("together").chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: "x" }] });
  expect(completion.usage).toMatchObject({ prompt_tokens: 999_999, completion_tokens: 7, prompt_tokens_details: { cached_tokens: 123 } });
});
