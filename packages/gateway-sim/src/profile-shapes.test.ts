import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { builtinProfileNames } from "./builtin-profiles.js";
import { startGatewaySim, type GatewaySim } from "./start-gateway-sim.js";
import { collectStream, type CollectedStream } from "./testing/collect-stream.js";

type UsageWhere = "trailing" | "finish" | "repeat-finish" | "choice";

interface Expected {
  readonly reasoning: "reasoning" | "reasoning_content" | "both" | "think-tags";
  readonly usage: UsageWhere;
  /** Usage is streamed even without `stream_options.include_usage`. */
  readonly usageAlways: boolean;
  /** Where cached tokens are read from (a path into usage, `timings` for llama.cpp, none for Ollama). */
  readonly cached: readonly string[] | "timings" | "none";
  readonly args: "whole" | "deltas";
  /** Section 1 of the gateway reference: the pattern that recognises this gateway's overflow. */
  readonly overflow: RegExp;
  readonly unknownModelStatus: number | "accepted";
  readonly unauthorizedStatus: number | "accepted";
}

// The shapes each gateway is documented to have (gateway reference, sections 0 to 2).
const EXPECTED: Record<string, Expected> = {
  openrouter: { reasoning: "reasoning", usage: "repeat-finish", usageAlways: true, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /maximum context length is \d+ tokens/i, unknownModelStatus: 400, unauthorizedStatus: 401 },
  together: { reasoning: "reasoning", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /is longer than the model's context length/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  fireworks: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /prompt is too long/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  groq: { reasoning: "reasoning", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "whole", overflow: /reduce the length of the messages/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  deepinfra: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /maximum context length is \d+ tokens/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  moonshot: { reasoning: "reasoning_content", usage: "choice", usageAlways: true, cached: ["cached_tokens"], args: "deltas", overflow: /exceeded model token limit/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  deepseek: { reasoning: "reasoning_content", usage: "finish", usageAlways: false, cached: ["prompt_cache_hit_tokens"], args: "deltas", overflow: /maximum context length is \d+ tokens/i, unknownModelStatus: 400, unauthorizedStatus: 401 },
  zai: { reasoning: "reasoning_content", usage: "finish", usageAlways: true, cached: ["prompt_tokens_details", "cached_tokens"], args: "whole", overflow: /Prompt exceeds max length/i, unknownModelStatus: 400, unauthorizedStatus: 401 },
  "zai-coding": { reasoning: "reasoning_content", usage: "finish", usageAlways: true, cached: ["prompt_tokens_details", "cached_tokens"], args: "whole", overflow: /Prompt exceeds max length/i, unknownModelStatus: 400, unauthorizedStatus: 401 },
  dashscope: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /Range of input length should be \[1, \d+\]/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  minimax: { reasoning: "think-tags", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /context window exceeds limit/i, unknownModelStatus: 400, unauthorizedStatus: 401 },
  ollama: { reasoning: "reasoning", usage: "trailing", usageAlways: false, cached: "none", args: "whole", overflow: /exceeded max context length by \d+ tokens/i, unknownModelStatus: 404, unauthorizedStatus: "accepted" },
  vllm: { reasoning: "reasoning", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /maximum context length is \d+ tokens/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  llamacpp: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: "timings", args: "deltas", overflow: /exceeds the available context size/i, unknownModelStatus: "accepted", unauthorizedStatus: 401 },
  cerebras: { reasoning: "reasoning", usage: "finish", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "whole", overflow: /^$/, unknownModelStatus: 404, unauthorizedStatus: 401 },
  novita: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /maximum context length is \d+ tokens/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  siliconflow: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /maximum context length is \d+ tokens/i, unknownModelStatus: 400, unauthorizedStatus: 401 },
  baseten: { reasoning: "reasoning", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /maximum context length is \d+ tokens/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  chutes: { reasoning: "both", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /exceeds the model's maximum context length/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  nebius: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /maximum context length is \d+ tokens/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  vercel: { reasoning: "reasoning", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /is longer than the model's context length/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  cloudflare: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /exceeded this model context window limit \(\d+\)/i, unknownModelStatus: 400, unauthorizedStatus: 401 },
  huggingface: { reasoning: "reasoning", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "whole", overflow: /reduce the length of the messages/i, unknownModelStatus: 400, unauthorizedStatus: 401 },
  hyperbolic: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /maximum context length is \d+ tokens/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
  lmstudio: { reasoning: "think-tags", usage: "trailing", usageAlways: false, cached: "none", args: "deltas", overflow: /greater than the context length/i, unknownModelStatus: 404, unauthorizedStatus: "accepted" },
  sglang: { reasoning: "reasoning_content", usage: "trailing", usageAlways: false, cached: ["prompt_tokens_details", "cached_tokens"], args: "deltas", overflow: /exceeds the model's maximum context length of \d+ tokens/i, unknownModelStatus: 404, unauthorizedStatus: 401 },
};

const SYSTEM = `You are a careful coding agent working in a TypeScript repository. ${"Read before you edit, keep changes small, and run the tests after each change. ".repeat(30)}`;
const TOOLS: OpenAI.Chat.Completions.ChatCompletionTool[] = [
  { type: "function", function: { name: "read", description: "Read a file", parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] } } },
];
const STEP = { reasoning: "The user wants the file; I will read it first.", content: "Reading the file now.", toolCalls: [{ name: "read", arguments: '{"path":"src/app.ts"}' }] };

let sim: GatewaySim;
let overflowSim: GatewaySim;

beforeAll(async () => {
  // One node each (and cache reports on for vLLM) so the second request of a test is a cache hit.
  sim = await startGatewaySim({ profiles: builtinProfileNames.map((profile) => ({ profile, nodes: 1, ...(profile === "vllm" || profile === "sglang" ? { reportsCachedTokens: true } : {}) })) });
  overflowSim = await startGatewaySim({
    profiles: builtinProfileNames.map((profile) => ({ profile, contextWindows: {}, models: [{ slug: `${profile}-tiny`, contextWindow: 400 }], ...(profile === "ollama" ? { overflowMode: "error" as const } : {}) })),
  });
});

afterAll(async () => {
  await sim.close();
  await overflowSim.close();
});

function clientFor(target: GatewaySim, profile: string, key?: string): OpenAI {
  return new OpenAI({ baseURL: target.baseURL(profile), apiKey: key ?? target.keys[profile] ?? "any-key", maxRetries: 0 });
}

function at(value: unknown, path: readonly string[]): unknown {
  return path.reduce<unknown>((current, key) => (typeof current === "object" && current !== null ? (current as Record<string, unknown>)[key] : undefined), value);
}

function cachedTokens(expected: Expected, collected: CollectedStream, usage: Record<string, unknown> | undefined): number | undefined {
  if (expected.cached === "none") return undefined;
  if (expected.cached === "timings") {
    const withUsage = collected.chunks.find((chunk) => chunk.usage !== undefined && chunk.usage !== null);
    return at(withUsage, ["timings", "cache_n"]) as number | undefined;
  }
  return at(usage, expected.cached) as number | undefined;
}

/** The usage object at the place this gateway puts it, checking the placement on the way. */
function placedUsage(expected: Expected, collected: CollectedStream): Record<string, unknown> {
  const top = collected.usages.filter((usage) => usage.where !== "x_groq");
  expect(top).toHaveLength(1);
  const found = top[0] as CollectedStream["usages"][number];
  const chunk = collected.chunks[found.chunkIndex] as Record<string, unknown>;
  const choices = chunk.choices as Record<string, unknown>[];
  switch (expected.usage) {
    case "trailing":
      expect(found.where).toBe("chunk");
      expect(found.emptyChoices).toBe(true);
      expect(found.chunkIndex).toBe(collected.chunks.length - 1);
      break;
    case "finish":
      expect(found.where).toBe("chunk");
      expect(choices[0]?.finish_reason).toBe("tool_calls");
      break;
    case "repeat-finish":
      expect(found.where).toBe("chunk");
      expect(found.chunkIndex).toBe(collected.chunks.length - 1);
      expect(choices[0]?.finish_reason).toBe("tool_calls");
      expect(collected.finishReasons.filter((reason) => reason === "tool_calls")).toHaveLength(2);
      break;
    case "choice":
      expect(found.where).toBe("choice");
      expect(choices[0]?.finish_reason).toBe("tool_calls");
      break;
  }
  return found.usage;
}

describe.each(builtinProfileNames)("%s", (profile) => {
  const expected = EXPECTED[profile] as Expected;

  test("streams its own reasoning field, tool-argument style, usage placement and cached tokens", async () => {
    const client = clientFor(sim, profile);
    const model = sim.profile(profile).models[0]?.slug as string;
    const first: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
      { role: "system", content: SYSTEM },
      { role: "user", content: "Open src/app.ts" },
    ];
    sim.enqueue({ ...STEP, repeat: 2, when: { profile } });
    const one = await collectStream(await client.chat.completions.create({ model, messages: first, tools: TOOLS, stream: true, stream_options: { include_usage: true } }));

    if (expected.reasoning === "think-tags") {
      expect(one.content).toBe(`<think>\n${STEP.reasoning}\n</think>\n\n${STEP.content}`);
      expect(one.reasoning).toEqual({});
    } else if (expected.reasoning === "both") {
      expect(one.reasoning).toEqual({ reasoning_content: STEP.reasoning, reasoning: STEP.reasoning });
      expect(one.content).toBe(STEP.content);
    } else {
      expect(one.reasoning).toEqual({ [expected.reasoning]: STEP.reasoning });
      expect(one.content).toBe(STEP.content);
    }
    expect(one.toolCalls).toHaveLength(1);
    const call = one.toolCalls[0];
    expect(call?.name).toBe("read");
    expect(call?.arguments).toBe('{"path":"src/app.ts"}');
    if (expected.args === "whole") expect(call?.argumentChunks).toBe(1);
    else expect(call?.argumentChunks).toBeGreaterThan(1);
    const usage = placedUsage(expected, one);
    expect(usage.prompt_tokens).toBeGreaterThan(300);
    if (profile === "groq") {
      const groq = one.usages.find((found) => found.where === "x_groq");
      expect(groq?.usage.prompt_tokens).toBe(usage.prompt_tokens);
    }

    // Same prefix plus the model's turn and a tool result: a prefix-cache hit on the one node.
    const second: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [
      ...first,
      { role: "assistant", content: STEP.content, ...(expected.reasoning === "reasoning_content" ? { reasoning_content: STEP.reasoning } : {}), tool_calls: [{ id: call?.id ?? "", type: "function", function: { name: "read", arguments: '{"path":"src/app.ts"}' } }] } as OpenAI.Chat.Completions.ChatCompletionMessageParam,
      { role: "tool", tool_call_id: call?.id ?? "", content: "export const app = 1;" },
    ];
    const two = await collectStream(await client.chat.completions.create({ model, messages: second, tools: TOOLS, stream: true, stream_options: { include_usage: true } }));
    const secondUsage = placedUsage(expected, two);
    const cached = cachedTokens(expected, two, secondUsage);
    if (expected.cached === "none") {
      expect(JSON.stringify(secondUsage)).not.toMatch(/cache/);
    } else {
      expect(cached).toBeGreaterThan(300);
      expect(cached).toBeLessThan(secondUsage.prompt_tokens as number);
    }
    expect(sim.requests.last(profile)?.cachedTokens).toBe(cached ?? 0);
  });

  test(`streams usage ${expected.usageAlways ? "even" : "only"} when include_usage is ${expected.usageAlways ? "absent" : "set"}`, async () => {
    const client = clientFor(sim, profile);
    const model = sim.profile(profile).models[0]?.slug as string;
    const collected = await collectStream(await client.chat.completions.create({ model, messages: [{ role: "user", content: "hello" }], stream: true }));
    const top = collected.usages.filter((usage) => usage.where !== "x_groq");
    expect(top.length).toBe(expected.usageAlways ? 1 : 0);
    expect(collected.usages.some((usage) => usage.where === "x_groq")).toBe(profile === "groq");
  });

  test("answers non-streaming requests with its reasoning field and usage", async () => {
    const client = clientFor(sim, profile);
    const model = sim.profile(profile).models[0]?.slug as string;
    sim.enqueue({ reasoning: "Short thought.", content: "Done.", when: { profile } });
    const completion = await client.chat.completions.create({ model, messages: [{ role: "user", content: "finish up" }] });
    const message = completion.choices[0]?.message as unknown as Record<string, unknown>;
    if (expected.reasoning === "think-tags") expect(message.content).toBe("<think>\nShort thought.\n</think>\n\nDone.");
    else {
      expect(message.content).toBe("Done.");
      for (const field of expected.reasoning === "both" ? ["reasoning_content", "reasoning"] : [expected.reasoning]) expect(message[field]).toBe("Short thought.");
    }
    expect(completion.usage?.completion_tokens).toBeGreaterThan(0);
  });

  test("returns its own overflow error text", async () => {
    // Read raw: several gateways send bodies without an `error` key, which the SDK drops.
    const response = await fetch(`${overflowSim.baseURL(profile)}/chat/completions`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: `Bearer ${overflowSim.keys[profile] ?? "any-key"}` },
      body: JSON.stringify({ model: `${profile}-tiny`, messages: [{ role: "user", content: "word ".repeat(800) }], max_tokens: 100 }),
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(expected.overflow);
    expect(overflowSim.requests.last(profile)?.outcome).toBe("overflow");
  });

  test("sends 429 with its rate-limit headers, honouring retry-after and retry-after-ms", async () => {
    const client = clientFor(sim, profile);
    const model = sim.profile(profile).models[0]?.slug as string;
    sim.enqueue({ error: { kind: "rate_limit", retryAfterSeconds: 3 }, when: { profile } }, { error: { kind: "rate_limit", retryAfterMs: 1500 }, when: { profile } });
    const seconds = (await client.chat.completions.create({ model, messages: [{ role: "user", content: "x" }] }).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(seconds).toBeInstanceOf(OpenAI.RateLimitError);
    expect(seconds.headers?.get("retry-after")).toBe("3");
    const millis = (await client.chat.completions.create({ model, messages: [{ role: "user", content: "x" }], stream: true }).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
    expect(millis).toBeInstanceOf(OpenAI.RateLimitError);
    expect(millis.headers?.get("retry-after-ms")).toBe("1500");
    if (profile === "groq") expect(seconds.headers?.get("x-ratelimit-reset-tokens")).toBe("3s");
    if (profile === "openrouter") expect(Number(seconds.headers?.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now());
  });

  test("answers an unknown slug the way the gateway does", async () => {
    const client = clientFor(sim, profile);
    const outcome = await client.chat.completions.create({ model: "no-such/model-x", messages: [{ role: "user", content: "x" }] }).then(
      () => "accepted" as const,
      (caught: unknown) => (caught as InstanceType<typeof OpenAI.APIError>).status,
    );
    expect(outcome).toBe(expected.unknownModelStatus);
  });

  test("checks its own API key", async () => {
    const other = builtinProfileNames.find((name) => name !== profile && sim.keys[name] !== null) as string;
    const client = clientFor(sim, profile, sim.keys[other] ?? "wrong");
    const model = sim.profile(profile).models[0]?.slug as string;
    const outcome = await client.chat.completions.create({ model, messages: [{ role: "user", content: "x" }] }).then(
      () => "accepted" as const,
      (caught: unknown) => (caught as InstanceType<typeof OpenAI.APIError>).status,
    );
    expect(outcome).toBe(expected.unauthorizedStatus);
    const recorded = sim.requests.last(profile);
    expect(recorded?.keyOwner).toBe(other);
    expect(recorded?.headers.authorization).toBe(`Bearer [redacted:${other}]`);
  });
});

test("Fireworks reports prompt and cached tokens in response headers too", async () => {
  const client = clientFor(sim, "fireworks");
  const model = sim.profile("fireworks").models[0]?.slug as string;
  const messages: OpenAI.Chat.Completions.ChatCompletionMessageParam[] = [{ role: "system", content: SYSTEM }, { role: "user", content: "again" }];
  await client.chat.completions.create({ model, messages });
  const { data, response } = await client.chat.completions.create({ model, messages }).withResponse();
  expect(response.headers.get("fireworks-prompt-tokens")).toBe(String(data.usage?.prompt_tokens));
  expect(Number(response.headers.get("fireworks-cached-prompt-tokens"))).toBeGreaterThan(0);
});

test("vLLM without --enable-prompt-tokens-details reports prompt_tokens_details as null", async () => {
  const plain = await startGatewaySim({ profiles: ["vllm"] });
  try {
    const client = clientFor(plain, "vllm");
    const completion = await client.chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: "hi" }] });
    expect((completion.usage as unknown as Record<string, unknown>).prompt_tokens_details).toBeNull();
  } finally {
    await plain.close();
  }
});

test("Ollama truncates an over-long prompt silently by default", async () => {
  const ollama = await startGatewaySim({ profiles: [{ profile: "ollama", contextWindows: { "qwen3-coder:30b": 300 } }] });
  try {
    const client = clientFor(ollama, "ollama");
    const completion = await client.chat.completions.create({ model: "qwen3-coder:30b", messages: [{ role: "user", content: "word ".repeat(800) }] });
    expect(completion.usage?.prompt_tokens).toBe(300);
    expect(ollama.requests.last()?.outcome).toBe("truncated");
  } finally {
    await ollama.close();
  }
});

test("Z.ai in silent overflow mode answers 200 with more prompt tokens than the window", async () => {
  const zai = await startGatewaySim({ profiles: [{ profile: "zai", overflowMode: "silent", contextWindows: { "glm-4.6": 300 } }] });
  try {
    const completion = await clientFor(zai, "zai").chat.completions.create({ model: "glm-4.6", messages: [{ role: "user", content: "word ".repeat(800) }] });
    expect(completion.usage?.prompt_tokens).toBeGreaterThan(300);
  } finally {
    await zai.close();
  }
});
