import { encode } from "gpt-tokenizer/encoding/o200k_base";
import OpenAI from "openai";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startGatewaySim, type GatewaySim } from "./start-gateway-sim.js";

type Message = OpenAI.Chat.Completions.ChatCompletionMessageParam;

const SYSTEM = `You are a coding agent. ${"Keep the prompt prefix stable so caches can hit. ".repeat(40)}`;

let sim: GatewaySim;
beforeAll(async () => {
  sim = await startGatewaySim({ profiles: ["openrouter", "fireworks", "moonshot", "groq"] });
});
afterAll(async () => {
  await sim.close();
});

/**
 * Runs an agent-like session of `turns` requests: each turn sends the whole conversation, then
 * appends the model's answer and a new user message, as a client does. Returns what the
 * simulator recorded for each request.
 */
async function runSession(profile: string, model: string, turns: number, affinity: { body?: Record<string, string>; headers?: Record<string, string> }) {
  const client = new OpenAI({ baseURL: sim.baseURL(profile), apiKey: sim.apiKey(profile), maxRetries: 0, defaultHeaders: affinity.headers });
  const messages: Message[] = [{ role: "system", content: SYSTEM }, { role: "user", content: "Turn 0: look at the repository." }];
  const before = sim.requests.completions(profile).length;
  for (let turn = 1; turn <= turns; turn += 1) {
    const completion = await client.chat.completions.create({ model, messages, ...affinity.body } as OpenAI.Chat.Completions.ChatCompletionCreateParamsNonStreaming);
    const answer = completion.choices[0]?.message.content ?? "";
    messages.push({ role: "assistant", content: answer }, { role: "user", content: `Turn ${turn}: ${"continue with the next file. ".repeat(20)}` });
  }
  return sim.requests.completions(profile).slice(before);
}

test("with OpenRouter session_id a session stays on one node and its cached tokens rise", async () => {
  const records = await runSession("openrouter", "qwen/qwen3-coder", 8, { body: { session_id: "session-a" } });
  expect(new Set(records.map((record) => record.node)).size).toBe(1);
  expect(records.every((record) => record.affinityKey?.source === "body:session_id" && record.affinityKey.value === "session-a")).toBe(true);
  const cached = records.map((record) => record.cachedTokens ?? 0);
  for (let index = 1; index < cached.length; index += 1) {
    expect(cached[index]).toBeGreaterThan(cached[index - 1] as number);
    // Everything the previous request sent, and the answer it produced, is now cached (to the block).
    expect(cached[index]).toBeGreaterThan((records[index - 1]?.promptTokens ?? 0) - 16);
  }
});

test("without an affinity key the same session spreads over the 4 nodes and cached tokens do not keep rising", async () => {
  const records = await runSession("openrouter", "z-ai/glm-4.6", 12, {});
  expect(records.every((record) => record.affinityKey === undefined)).toBe(true);
  expect(new Set(records.map((record) => record.node)).size).toBeGreaterThan(1);
  const cached = records.map((record) => record.cachedTokens ?? 0);
  const rising = cached.every((value, index) => index === 0 || value > (cached[index - 1] as number));
  expect(rising).toBe(false);
  const sticky = await runSession("openrouter", "z-ai/glm-4.6", 12, { body: { session_id: "session-b" } });
  const total = (list: typeof records) => list.reduce((sum, record) => sum + (record.cachedTokens ?? 0), 0);
  expect(total(sticky)).toBeGreaterThan(total(records));
});

test("Fireworks honours x-session-affinity, and x-multi-turn-session-id wins over prompt_cache_key", async () => {
  const byHeader = await runSession("fireworks", "accounts/fireworks/models/glm-4p6", 4, { headers: { "x-session-affinity": "fw-1" } });
  expect(new Set(byHeader.map((record) => record.node)).size).toBe(1);
  expect(byHeader[0]?.affinityKey).toEqual({ source: "header:x-session-affinity", value: "fw-1" });
  const both = await runSession("fireworks", "accounts/fireworks/models/glm-4p6", 2, { headers: { "x-multi-turn-session-id": "turns-1" }, body: { prompt_cache_key: "key-1" } });
  expect(both.map((record) => record.affinityKey?.source)).toEqual(["header:x-multi-turn-session-id", "header:x-multi-turn-session-id"]);
});

test("Moonshot honours prompt_cache_key; Groq honours no affinity key at all", async () => {
  const moonshot = await runSession("moonshot", "kimi-k2-0905-preview", 4, { body: { prompt_cache_key: "kimi-session" } });
  expect(new Set(moonshot.map((record) => record.node)).size).toBe(1);
  const groq = await runSession("groq", "moonshotai/kimi-k2-instruct-0905", 10, { body: { prompt_cache_key: "ignored" }, headers: { "x-session-affinity": "ignored" } });
  expect(groq.every((record) => record.affinityKey === undefined)).toBe(true);
  expect(new Set(groq.map((record) => record.node)).size).toBeGreaterThan(1);
});

test("prompt tokens come from a real tokenizer", async () => {
  const client = new OpenAI({ baseURL: sim.baseURL("groq"), apiKey: sim.apiKey("groq"), maxRetries: 0 });
  const short = "hi";
  const long = "The quick brown fox jumps over the lazy dog. ".repeat(50);
  const one = await client.chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: short }] });
  const two = await client.chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: long }] });
  const difference = (two.usage?.prompt_tokens ?? 0) - (one.usage?.prompt_tokens ?? 0);
  // Message framing can merge a token at the boundary, so allow one either way.
  expect(Math.abs(difference - (encode(long).length - encode(short).length))).toBeLessThanOrEqual(1);
  expect(Math.abs(difference - Math.round((long.length - short.length) / 4))).toBeGreaterThan(20);
});

test("a small node cache evicts least recently used blocks, newest blocks of a prompt first", async () => {
  const small = await startGatewaySim({ profiles: [{ profile: "vllm", cacheCapacityTokens: 1500, reportsCachedTokens: true }] });
  try {
    const client = new OpenAI({ baseURL: small.baseURL(), apiKey: small.apiKey(), maxRetries: 0 });
    const ask = (topic: string) =>
      client.chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: `${topic} ${"words to fill the cache ".repeat(200)}` }] });
    await ask("alpha");
    const warm = (await ask("alpha")).usage?.prompt_tokens_details?.cached_tokens ?? 0;
    expect(warm).toBeGreaterThan(900);
    await ask("beta");
    // Beta needed room: alpha lost its tail but kept its leading blocks.
    const after = (await ask("alpha")).usage?.prompt_tokens_details?.cached_tokens ?? 0;
    expect(after).toBeLessThan(warm);
    expect(after).toBeGreaterThan(0);
    expect(small.nodeStats("vllm")[0]?.usedTokens).toBeLessThanOrEqual(1500);
  } finally {
    await small.close();
  }
});
