import { createKernel, GatewayTransport } from "@bridle/core";
import { afterEach, expect, test } from "vitest";
import { gatewaysPlugin } from "./gateways-plugin.js";
import { type ReplayServer, startReplayServer } from "../test/replay-server.js";

// Real gateway traffic (see __fixtures__/README.md for each recording's source), replayed over
// loopback HTTP through the gateway's adapter and the transport.
let server: ReplayServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function replay(gateway: string, fixture: string, model: string) {
  server = await startReplayServer(new URL(`./__fixtures__/${fixture}`, import.meta.url));
  const kernel = createKernel({ plugins: [{ plugin: gatewaysPlugin }] });
  kernel.gateways.configure({ [gateway]: { baseURL: server.baseURL } }, "test");
  const apiKeyEnv = kernel.gateways.get(gateway)?.apiKeyEnv;
  const transport = new GatewayTransport({ gateways: kernel.gateways, models: kernel.models, hooks: kernel.hooks, environment: apiKeyEnv ? { [apiKeyEnv]: "recorded" } : {} });
  const tools = [{ name: "weather", description: "Get weather information for a location", parameters: { type: "object", properties: { location: { type: "string" } }, required: ["location"] } }];
  const response = await transport.send(
    { model, gateway, messages: [{ role: "user", content: "What's the weather in Florence,Italy?" }], tools, maxOutputTokens: 4000, body: {}, headers: {} },
    { signal: AbortSignal.timeout(5000) },
  );
  return { response, sent: server.requests[0] as Record<string, unknown> };
}

test("Groq, Kimi K2: the functions.weather:0 id kept as sent, whole arguments, usage from the stream", async () => {
  const { response, sent } = await replay("groq", "groq-kimi-k2-tool-streaming.sse", "moonshotai/kimi-k2-instruct-0905");
  expect(response.finishReason).toBe("tool_calls");
  expect(response.message.toolCalls).toEqual([{ id: "functions.weather:0", name: "weather", arguments: '{"location":"Florence,Italy"}' }]);
  expect(response.usage).toMatchObject({ inputTokens: 99, outputTokens: 21 });
  // Groq reports no cached count here: unknown, not zero.
  expect(response.usage?.cachedInputTokens).toBeUndefined();
  expect(sent.max_tokens).toBe(4000);
  expect(sent.stream_options).toEqual({ include_usage: true });
});

test("llama.cpp, gpt-oss: reasoning_content, arguments as deltas, cached prompt from timings.cache_n", async () => {
  const { response } = await replay("llamacpp", "llamacpp-gpt-oss-tool-streaming.sse", "openai/gpt-oss-20b");
  expect(response.message.reasoning).toBe("The user asks for weather in Florence, Italy. We can use the weather function.");
  expect(response.message.toolCalls).toEqual([{ id: "tNkZIM2wWGCzRoFvK6X0TdhHhAYj6fVY", name: "weather", arguments: '{"location":"Florence"}' }]);
  expect(response.usage).toMatchObject({ inputTokens: 139, outputTokens: 41, cachedInputTokens: 138 });
});

test("Z.ai, GLM-4.5: reasoning_content, the call on a chunk that already finishes, usage with cached tokens on the next", async () => {
  const { response, sent } = await replay("zai", "zai-glm-4.5-tool-streaming.sse", "glm-4.5");
  expect(response.message.reasoning).toMatch(/^The user is asking for the weather in Florence, Italy\. .* as the location parameter\.$/);
  expect(response.message.toolCalls).toEqual([{ id: "call_51a97502d6444997b56fd204", name: "weather", arguments: '{"location": "Florence,Italy"}' }]);
  expect(response.finishReason).toBe("tool_calls");
  expect(response.usage).toMatchObject({ inputTokens: 179, outputTokens: 70, cachedInputTokens: 43 });
  // Z.ai streams tool arguments only when asked: the adapter asks whenever tools are offered.
  expect(sent.tool_stream).toBe(true);
});

test("Cerebras, Qwen3-Coder: usage on the finish chunk, a cached count of 0 kept as 0, a stream that ends without [DONE]", async () => {
  const { response, sent } = await replay("cerebras", "cerebras-qwen-3-coder-480b-tool-streaming.sse", "qwen-3-coder-480b");
  expect(response.message.toolCalls).toEqual([{ id: "27781e665", name: "weather", arguments: '{"location": "Florence,Italy"}' }]);
  expect(response.finishReason).toBe("tool_calls");
  expect(response.usage).toMatchObject({ inputTokens: 277, outputTokens: 25, cachedInputTokens: 0 });
  expect(sent.max_completion_tokens).toBe(4000);
});

test("DeepSeek V4: usage: null on every chunk, the real usage and cached count on the finish chunk", async () => {
  const { response, sent } = await replay("deepseek", "deepseek-v4-flash-tool-call.sse", "deepseek-v4-flash");
  expect(response.message.reasoning).toBe("The user asks about the weather in San Francisco. I should use the weather tool.");
  expect(response.message.toolCalls).toEqual([{ id: "call_00_IhCAliIHtM9gKpgfqbBV9873", name: "weather", arguments: '{"location": "San Francisco"}' }]);
  expect(response.usage).toMatchObject({ inputTokens: 374, outputTokens: 61, cachedInputTokens: 256, reasoningTokens: 17 });
  expect(sent.max_tokens).toBe(4000);
});

test("Moonshot, Kimi K2.5: usage inside choices[0] of the finish chunk", async () => {
  const { response } = await replay("moonshot", "moonshot-kimi-k2.5-choice-usage.sse", "kimi-k2.5");
  expect(response.message.content).toBe("OK.");
  expect(response.message.reasoning).toBeUndefined();
  expect(response.usage).toMatchObject({ inputTokens: 12, outputTokens: 5, reasoningTokens: 1 });
  expect(response.usage?.cachedInputTokens).toBeUndefined();
});

test("DashScope, qwen3-max: later argument deltas carry an empty id, which does not replace the first", async () => {
  const { response } = await replay("dashscope", "dashscope-qwen3-max-tool-call.sse", "qwen3-max");
  expect(response.message.toolCalls).toEqual([{ id: "call_eee11723464a4b9eb8cee71d", name: "weather", arguments: '{"location": "San Francisco"}' }]);
  expect(response.usage).toMatchObject({ inputTokens: 295, outputTokens: 22, cachedInputTokens: 0 });
});
