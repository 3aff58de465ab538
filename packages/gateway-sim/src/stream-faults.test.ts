import OpenAI from "openai";
import { afterAll, beforeAll, expect, test } from "vitest";
import { startGatewaySim, type GatewaySim } from "./start-gateway-sim.js";
import { collectStream } from "./testing/collect-stream.js";

let sim: GatewaySim;
let client: OpenAI;
const model = "qwen/qwen3-coder";
const ask = { model, messages: [{ role: "user" as const, content: "go" }] };

beforeAll(async () => {
  sim = await startGatewaySim({ profiles: ["openrouter"] });
  client = new OpenAI({ baseURL: sim.baseURL(), apiKey: sim.apiKey(), maxRetries: 0 });
});
afterAll(async () => {
  await sim.close();
});

async function rawStream(body: Record<string, unknown>): Promise<{ status: number; contentType: string | null; text: string }> {
  const response = await fetch(`${sim.baseURL()}/chat/completions`, {
    method: "POST",
    headers: { authorization: `Bearer ${sim.apiKey()}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return { status: response.status, contentType: response.headers.get("content-type"), text: await response.text() };
}

test("a disconnect after K chunks breaks the client's stream after exactly K events", async () => {
  sim.enqueue({ content: "abcdefghijklmnopqrstuvwxyz", stream: { chunkChars: 4, disconnectAfterChunks: 3 } });
  const seen: string[] = [];
  const error = await (async () => {
    const stream = await client.chat.completions.create({ ...ask, stream: true });
    for await (const chunk of stream) seen.push(chunk.choices[0]?.delta.content ?? "");
  })().then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
  // Event 1 is the role chunk, events 2 and 3 carry the first two pieces.
  expect(seen).toEqual(["", "abcd", "efgh"]);
});

test("a stream can end without [DONE]", async () => {
  sim.enqueue({ content: "complete answer", stream: { omitDone: true } });
  const raw = await rawStream({ ...ask, stream: true });
  expect(raw.text).toContain("complete answer");
  expect(raw.text).not.toContain("[DONE]");
  sim.enqueue({ content: "complete answer", stream: { omitDone: true } });
  const collected = await collectStream(await client.chat.completions.create({ ...ask, stream: true }));
  expect(collected.content).toBe("complete answer");
});

test("a stream can end cleanly before its finish chunk: no finish_reason, no [DONE]", async () => {
  sim.enqueue({ content: "abcdefghijkl", stream: { chunkChars: 4, endAfterChunks: 3 } });
  const raw = await rawStream({ ...ask, stream: true });
  expect(raw.status).toBe(200);
  const events = raw.text.split("\n\n").filter((event) => event.startsWith("data: "));
  expect(events).toHaveLength(3);
  expect(raw.text).not.toContain("[DONE]");
  expect(raw.text).not.toMatch(/"finish_reason":"[a-z]/);
  // The SDK sees a complete body and ends its iteration quietly, with the text so far.
  sim.enqueue({ content: "abcdefghijkl", stream: { chunkChars: 4, endAfterChunks: 3 } });
  const collected = await collectStream(await client.chat.completions.create({ ...ask, stream: true }));
  expect(collected.content).toBe("abcdefgh");
  expect(collected.finishReasons).toEqual([]);
});

test("malformed SSE lines are written verbatim and make the client fail", async () => {
  const broken = 'data: {"id":"x","choices":[{"delta":{"content":"oops"\n\n';
  sim.enqueue({ content: "before and after", stream: { insertRaw: [{ afterChunk: 2, text: broken }] } });
  const raw = await rawStream({ ...ask, stream: true });
  expect(raw.text).toContain(broken);
  sim.enqueue({ content: "before and after", stream: { insertRaw: [{ afterChunk: 2, text: broken }] } });
  const error = await collectStream(await client.chat.completions.create({ ...ask, stream: true })).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(Error);
});

test("an in-stream error event uses the gateway's shape (OpenRouter: finish_reason error)", async () => {
  sim.enqueue({ content: "partial answer that fails", stream: { chunkChars: 8, errorAfterChunks: { after: 2, message: "Upstream provider died", status: 502 } } });
  const raw = await rawStream({ ...ask, stream: true });
  expect(raw.status).toBe(200);
  const errorEvent = raw.text.split("\n\n").find((event) => event.includes("Upstream provider died"));
  expect(JSON.parse((errorEvent as string).slice("data: ".length))).toMatchObject({ error: { code: 502 }, choices: [{ finish_reason: "error" }] });
  sim.enqueue({ content: "partial answer that fails", stream: { chunkChars: 8, errorAfterChunks: { after: 2, message: "Upstream provider died", status: 502 } } });
  const error = await collectStream(await client.chat.completions.create({ ...ask, stream: true })).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(String(error)).toContain("Upstream provider died");
});

test("a slow first byte delays the response", async () => {
  sim.enqueue({ content: "late", stream: { firstByteDelayMs: 150 } });
  const started = performance.now();
  const completion = await client.chat.completions.create(ask);
  expect(performance.now() - started).toBeGreaterThanOrEqual(140);
  expect(completion.choices[0]?.message.content).toBe("late");
});

test("an HTML error page arrives as text/html with the status", async () => {
  sim.enqueue({ error: { kind: "html", status: 502 } });
  const raw = await rawStream(ask);
  expect(raw.status).toBe(502);
  expect(raw.contentType).toContain("text/html");
  expect(raw.text).toContain("<title>502 Bad Gateway</title>");
  sim.enqueue({ error: { kind: "html", status: 503, server: "nginx" } });
  const error = (await client.chat.completions.create(ask).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
  expect(error.status).toBe(503);
  expect(error.message).toContain("nginx");
});

test("5xx faults use the gateway's error body; raw http faults are sent as written", async () => {
  sim.enqueue({ error: { kind: "server_error", status: 503 } }, { error: { kind: "http", status: 418, headers: { "x-custom": "yes" }, body: { teapot: true } } });
  const unavailable = (await client.chat.completions.create(ask).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
  expect(unavailable.status).toBe(503);
  expect(unavailable.message).toContain("No allowed providers");
  const raw = await rawStream(ask);
  expect(raw.status).toBe(418);
  expect(JSON.parse(raw.text)).toEqual({ teapot: true });
  // A scripted content type is kept: an HTML page served with 200, as a captive portal does.
  sim.enqueue({ error: { kind: "http", status: 200, headers: { "Content-Type": "text/html; charset=utf-8" }, body: "<html><body>Sign in</body></html>" } });
  const page = await rawStream(ask);
  expect(page.status).toBe(200);
  expect(page.contentType).toBe("text/html; charset=utf-8");
  expect(page.text).toBe("<html><body>Sign in</body></html>");
});

test("a scripted overflow gives the gateway's overflow text for the model's window", async () => {
  sim.enqueue({ error: { kind: "overflow", promptTokens: 300_000 } });
  const error = (await client.chat.completions.create(ask).catch((caught: unknown) => caught)) as InstanceType<typeof OpenAI.APIError>;
  expect(error.status).toBe(400);
  expect(error.message).toContain("This endpoint's maximum context length is 262144 tokens. However, you requested about 300000 tokens");
});

test("chunk delays pace the stream", async () => {
  sim.enqueue({ content: "one two three", stream: { chunkChars: 4, chunkDelayMs: 30 } });
  const started = performance.now();
  const collected = await collectStream(await client.chat.completions.create({ ...ask, stream: true }));
  expect(collected.content).toBe("one two three");
  expect(performance.now() - started).toBeGreaterThanOrEqual(5 * 25);
});
