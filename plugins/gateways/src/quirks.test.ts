import type { CanonicalModelId } from "@bridle/core";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { type AdapterHarness, startAdapterHarness } from "../test/adapter-harness.js";

// What only some gateways do, over the simulator with their profiles.
let harness: AdapterHarness;
beforeAll(async () => {
  harness = await startAdapterHarness([
    "groq",
    "openrouter",
    "cerebras",
    "cloudflare",
    "fireworks",
    "moonshot",
    { profile: "zai", overflowMode: "silent", contextWindows: { "glm-4.6": 300 } },
    "ollama",
  ]);
});
afterAll(async () => {
  await harness.close();
});

const lastBody = (gateway: string) => harness.sim.requests.last(gateway)?.body as Record<string, unknown>;

describe("429 delays the gateway states its own way", () => {
  test("Groq: no retry-after, the wait in x-ratelimit-reset-tokens and in the message", async () => {
    harness.sim.enqueue({
      when: { profile: "groq" },
      error: {
        kind: "http",
        status: 429,
        headers: { "x-ratelimit-remaining-tokens": "0", "x-ratelimit-reset-tokens": "2m59.56s" },
        body: { error: { message: "Rate limit reached for model `openai/gpt-oss-120b` on tokens per minute (TPM): Limit 250000, Used 249000, Requested 6000. Please try again in 2m59.56s.", type: "tokens", code: "rate_limit_exceeded" } },
      },
    });
    const error = await harness.fail("groq", "openai/gpt-oss-120b");
    expect(error.kind).toBe("rate-limit");
    expect(error.retryAfterMs).toBe(179_560);
  });

  test("Groq: only the message says how long", async () => {
    harness.sim.enqueue({ when: { profile: "groq" }, error: { kind: "http", status: 429, body: { error: { message: "Please try again in 7.66s.", type: "requests", code: "rate_limit_exceeded" } } } });
    expect((await harness.fail("groq", "openai/gpt-oss-120b")).retryAfterMs).toBe(7660);
  });

  test("OpenRouter: x-ratelimit-reset as epoch milliseconds", async () => {
    const reset = Date.now() + 4000;
    harness.sim.enqueue({ when: { profile: "openrouter" }, error: { kind: "http", status: 429, headers: { "x-ratelimit-reset": String(reset) }, body: { error: { message: "Rate limit exceeded: limit_rpm/upstream", code: 429 } } } });
    const error = await harness.fail("openrouter", "qwen/qwen3-coder");
    expect(error.kind).toBe("rate-limit");
    expect(error.retryAfterMs).toBeGreaterThan(3000);
    expect(error.retryAfterMs).toBeLessThanOrEqual(4000);
  });

  test("Cerebras: a bodiless 429 is a rate limit with the minute-window reset, never an overflow", async () => {
    harness.sim.enqueue({ when: { profile: "cerebras" }, error: { kind: "http", status: 429, headers: { "x-ratelimit-reset-tokens-minute": "2.5" }, body: "" } });
    const error = await harness.fail("cerebras", "gpt-oss-120b");
    expect(error.kind).toBe("rate-limit");
    expect(error.retryAfterMs).toBe(2500);
  });

  test("Moonshot: 'engine is currently overloaded' is a rate limit", async () => {
    harness.sim.enqueue({ when: { profile: "moonshot" }, error: { kind: "rate_limit", retryAfterSeconds: 1 } });
    const error = await harness.fail("moonshot", "kimi-k2-0905-preview");
    expect(error.kind).toBe("rate-limit");
    expect(error.body).toContain("The engine is currently overloaded");
  });

  test("Cloudflare: capacity code 3040 is retried, whatever the status", async () => {
    harness.sim.enqueue({ when: { profile: "cloudflare" }, error: { kind: "http", status: 400, body: { errors: [{ message: "AiError: Capacity temporarily exceeded, please try again.", code: 3040 }], success: false } } });
    const error = await harness.fail("cloudflare", "@cf/openai/gpt-oss-120b");
    expect(error.retryable).toBe(true);
    expect(error.kind).not.toBe("overflow");
  });
});

describe("overflows that do not say so in the usual words", () => {
  test("Cerebras: a 400 with no body at all", async () => {
    harness.sim.enqueue({ when: { profile: "cerebras" }, error: { kind: "overflow" } });
    expect(harness.sim.profile("cerebras").errors.overflow({ slug: "x", contextWindow: 1, promptTokens: 2, outputTokens: 0 }).body).toBe("");
    expect((await harness.fail("cerebras", "gpt-oss-120b")).kind).toBe("overflow");
  });

  test("Z.ai: a 200 whose usage is above the window", async () => {
    harness.kernel.models.learn("glm-4.6" as CanonicalModelId, "zai", 300);
    const error = await harness.fail("zai", "glm-4.6", { messages: [{ role: "user", content: "word ".repeat(800) }] });
    expect(harness.sim.requests.last("zai")?.status).toBe(200);
    expect(error.kind).toBe("overflow");
  });
});

describe("request shaping", () => {
  test("Fireworks: max_tokens, and truncation turned into an error", async () => {
    await harness.send("fireworks", "accounts/fireworks/models/qwen3-coder-480b-a35b-instruct");
    const body = lastBody("fireworks");
    expect(body.max_tokens).toBe(1024);
    expect(body.max_completion_tokens).toBeUndefined();
    expect(body.context_length_exceeded_behavior).toBe("error");
  });

  test("Cerebras: max_completion_tokens and no store", async () => {
    await harness.send("cerebras", "qwen-3-coder-480b", { body: { store: false } });
    const body = lastBody("cerebras");
    expect(body.max_completion_tokens).toBe(1024);
    expect(body.max_tokens).toBeUndefined();
    expect("store" in body).toBe(false);
    expect(harness.sim.requests.last("cerebras")?.outcome).toBe("reply");
  });

  test("Cerebras: past reasoning goes back as `reasoning`, the only name it accepts", async () => {
    const id = "gpt-oss-120b" as CanonicalModelId;
    harness.kernel.models.define({ id, family: "gpt-oss", contextWindow: 131_072, maxOutputTokens: 8192, toolCalls: true, reasoning: "always", reasoningReplay: "all-turns" });
    const call = { id: "call_1", name: "read", arguments: '{"path":"a.ts"}' };
    await harness.send("cerebras", id, {
      messages: [
        { role: "user", content: "read a.ts" },
        { role: "assistant", content: null, reasoning: "I should read it.", reasoningField: "reasoning_content", toolCalls: [call] },
        { role: "tool", toolCallId: "call_1", content: "export {}" },
      ],
    });
    expect(harness.sim.requests.last("cerebras")?.outcome).toBe("reply");
    const assistant = (lastBody("cerebras").messages as Array<Record<string, unknown>>)[1];
    expect(assistant?.reasoning).toBe("I should read it.");
    expect(assistant && "reasoning_content" in assistant).toBe(false);
  });

  test("OpenRouter asks for usage in its own way too", async () => {
    await harness.send("openrouter", "qwen/qwen3-coder");
    expect(lastBody("openrouter").usage).toEqual({ include: true });
  });

  test("Ollama: no store (its /v1 refuses it)", async () => {
    await harness.send("ollama", "qwen3-coder:30b", { body: { store: false } });
    expect("store" in lastBody("ollama")).toBe(false);
  });

  test.each(["openrouter", "fireworks", "cerebras", "moonshot", "cloudflare"])("%s: the affinity key goes where the gateway honours it", async (gateway) => {
    const model = harness.sim.profile(gateway).models[0]?.slug as string;
    await harness.send(gateway, model, { affinityKey: "session-1234" });
    expect(harness.sim.requests.last(gateway)?.affinityKey?.value).toBe("session-1234");
  });
});
