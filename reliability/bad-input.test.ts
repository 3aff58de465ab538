/**
 * Input from outside (reliability.md §5, requirement 34): every parser that reads what a gateway,
 * a model, a config file or a session file hands Bridle, fed generated input by fast-check and
 * checked against the same input given whole.
 *
 * Properties that already live beside a parser are not repeated here:
 * - leaked grammars over the recorded corpus (random cuts, one character at a time):
 *   plugins/tool-repair/src/extract/extract-tool-calls.corpus.test.ts;
 * - arbitrary mixes of markup fragments, streamed and whole: plugins/tool-repair/src/extract/extract-tool-calls.test.ts;
 * - markup never reaching the screen however the stream is cut: plugins/tool-repair/src/extract/leaked-markup-filter.test.ts;
 * - argument repair (encodings, no false repairs, robustness): plugins/tool-repair/src/repair/*.test.ts.
 */
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { defineGateway, GatewayRegistry, GatewayTransport, ModelRegistry, StreamAssembler, type ChatResponse, type StreamDelta } from "@bridle/core";
import { type ChunkedSseServer, startChunkedSseServer } from "./support/chunked-sse-server.js";
import { cutBytes, type SseFraming, sseFraming, writeSseBody } from "./support/sse-body.js";

/** Text pieces with multi-byte UTF-8 (2, 3 and 4 bytes), quotes, backslashes and newlines. */
const piece = fc
  .array(fc.constantFrom("a", "b", " ", "é", "ü", "Ω", "日本", "🎉", "𝄞", "\n", '"', "\\", ",", "{", "}", ":"), { minLength: 1, maxLength: 6 })
  .map((parts) => parts.join(""));

/** A tool call as the model meant it: arguments are the JSON text, cut into the fragments it streams in. */
interface GeneratedCall {
  id: string;
  name: string;
  fragments: string[];
}

const toolCall: fc.Arbitrary<GeneratedCall> = fc
  .record({
    id: fc.stringMatching(/^call_[A-Za-z0-9]{4,24}$/),
    name: fc.constantFrom("read", "write", "edit", "bash", "grep", "get_weather"),
    args: fc.dictionary(fc.stringMatching(/^[a-z_]{1,8}$/), fc.oneof(piece, fc.integer(), fc.boolean(), fc.array(piece, { maxLength: 3 })), { maxKeys: 4 }),
    cuts: fc.array(fc.nat(), { maxLength: 6 }),
  })
  .map(({ id, name, args, cuts }) => {
    const text = JSON.stringify(args);
    const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((left, right) => left - right);
    const fragments: string[] = [];
    let start = 0;
    for (const point of [...points, text.length]) {
      fragments.push(text.slice(start, point));
      start = point;
    }
    return { id, name, fragments };
  });

const joined = (call: GeneratedCall) => call.fragments.join("");

/** One streamed answer: reasoning, content and parallel tool calls. */
interface GeneratedAnswer {
  reasoning: string[];
  content: string[];
  calls: GeneratedCall[];
  promptTokens: number;
}

const answer: fc.Arbitrary<GeneratedAnswer> = fc.record({
  reasoning: fc.array(piece, { maxLength: 4 }),
  content: fc.array(piece, { maxLength: 8 }),
  calls: fc.uniqueArray(toolCall, { maxLength: 3, selector: (call) => call.id }),
  promptTokens: fc.integer({ min: 1, max: 200_000 }),
});

/** The answer as OpenAI-style chat completion chunks, tool-call arguments in their fragments. */
function answerChunks(generated: GeneratedAnswer): unknown[] {
  const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ id: "chatcmpl-1", object: "chat.completion.chunk", choices: [{ index: 0, delta, ...extra }] });
  const chunks: unknown[] = [];
  for (const text of generated.reasoning) chunks.push(chunk({ reasoning_content: text }));
  for (const text of generated.content) chunks.push(chunk({ content: text }));
  generated.calls.forEach((call, index) => {
    call.fragments.forEach((fragment, position) => {
      const first = position === 0;
      chunks.push(chunk({ tool_calls: [{ index, ...(first ? { id: call.id, type: "function" } : {}), function: { ...(first ? { name: call.name } : {}), arguments: fragment } }] }));
    });
  });
  chunks.push({ ...(chunk({}, { finish_reason: generated.calls.length > 0 ? "tool_calls" : "stop" }) as object), usage: { prompt_tokens: generated.promptTokens, completion_tokens: 7, total_tokens: generated.promptTokens + 7 } });
  return chunks;
}

describe("SSE from a gateway, cut anywhere (requirement 34)", () => {
  let server: ChunkedSseServer;
  let transport: GatewayTransport;
  beforeAll(async () => {
    server = await startChunkedSseServer();
    const gateways = new GatewayRegistry();
    gateways.define(defineGateway({ id: "loopback", name: "Loopback", baseURL: server.baseURL, apiKeyEnv: "LOOPBACK_API_KEY" }), { kind: "plugin", plugin: "reliability" });
    const models = new ModelRegistry();
    models.define({ id: "acme-coder", family: "other", contextWindow: 262_144, maxOutputTokens: 16_384, toolCalls: true, reasoning: "optional", reasoningReplay: "drop" });
    transport = new GatewayTransport({ gateways, models, environment: { LOOPBACK_API_KEY: "sk-loopback-test-key" } });
  });
  afterAll(() => server.close());

  /** Streams `pieces` through the real transport (openai SDK, Bridle's fetch, assembler) and returns what it made of them. */
  async function receive(pieces: readonly Uint8Array[]): Promise<{ response: ChatResponse; deltas: StreamDelta[] }> {
    server.serve(pieces);
    const deltas: StreamDelta[] = [];
    const response = await transport.send(
      { model: "acme-coder", gateway: "loopback", messages: [{ role: "user", content: "hi" }], tools: [], maxOutputTokens: 64, body: {}, headers: {} },
      { signal: new AbortController().signal, onDelta: (delta) => deltas.push(delta) },
    );
    return { response, deltas };
  }

  function expectAnswer(response: ChatResponse, generated: GeneratedAnswer): void {
    expect(response.message.content).toBe(generated.content.length > 0 ? generated.content.join("") : null);
    expect(response.message.reasoning).toBe(generated.reasoning.length > 0 ? generated.reasoning.join("") : undefined);
    expect(response.message.toolCalls).toEqual(generated.calls.length > 0 ? generated.calls.map((call) => ({ id: call.id, name: call.name, arguments: joined(call) })) : undefined);
    expect(response.finishReason).toBe(generated.calls.length > 0 ? "tool_calls" : "stop");
    expect(response.usage?.inputTokens).toBe(generated.promptTokens);
  }

  it("gives the same answer and the same deltas, however the bytes are cut and whichever framing SSE allows", async () => {
    const before = server.requests;
    let runs = 0;
    await fc.assert(
      fc.asyncProperty(answer, sseFraming, fc.array(fc.nat(), { maxLength: 40 }), async (generated, framing, cuts) => {
        runs += 1;
        const bytes = new TextEncoder().encode(writeSseBody(answerChunks(generated), framing));
        const whole = await receive([bytes]);
        expectAnswer(whole.response, generated);
        const cut = await receive(cutBytes(bytes, cuts.map((offset) => offset % (bytes.length + 1))));
        expect(cut).toEqual(whole);
      }),
      { numRuns: 150 },
    );
    // Every run was two real HTTP exchanges.
    expect(server.requests - before).toBe(2 * runs);
  });

  it("gives the same answer cut at every single byte boundary of one stream holding every hard case", async () => {
    const generated: GeneratedAnswer = {
      reasoning: ["Ω think 🎉"],
      content: ["é日本", "𝄞 \"quoted\"\\", "\nend"],
      calls: [{ id: "call_every_byte", name: "write", fragments: ['{"path":"a.txt",', '"content":"ü🎉"}'] }],
      promptTokens: 42,
    };
    const events = answerChunks(generated);
    // CRLF with a comment and several data lines, then the same events with lone CRs.
    const crlf: SseFraming = { ending: "\r\n", mixedCrlf: [true], space: false, multiline: true, comments: ["inside", "between", "before"], fields: true, done: true };
    const text = writeSseBody(events.slice(0, 3), { ...crlf, done: false }) + writeSseBody(events.slice(3), { ...crlf, ending: "\r", space: true, multiline: false });
    const bytes = new TextEncoder().encode(text);
    const whole = await receive([bytes]);
    expectAnswer(whole.response, generated);
    for (let offset = 1; offset < bytes.length; offset++) {
      expect(await receive(cutBytes(bytes, [offset])), `cut at byte ${offset}`).toEqual(whole);
    }
    expect(await receive(cutBytes(bytes, Array.from({ length: bytes.length }, (_, index) => index))), "one byte per chunk").toEqual(whole);
  });
});

describe("streamed tool-call assembly", () => {
  /** Deltas of each call in the order a gateway might interleave them, grouped into chunks. */
  const interleaved = fc
    .record({
      calls: fc.uniqueArray(toolCall, { minLength: 1, maxLength: 4, selector: (call) => call.id }),
      order: fc.array(fc.nat(), { maxLength: 40 }),
      grouping: fc.array(fc.integer({ min: 1, max: 3 }), { maxLength: 40 }),
      repeatHeader: fc.boolean(),
      emptyFirstArguments: fc.boolean(),
    })
    .map(({ calls, order, grouping, repeatHeader, emptyFirstArguments }) => {
      // Per call, its deltas in order; the interleaving only picks which call speaks next.
      const queues = calls.map((call, index) => {
        const fragments = emptyFirstArguments ? ["", ...call.fragments] : call.fragments;
        return fragments.map((fragment, position) => {
          const header = position === 0 || repeatHeader;
          return { index, ...(header ? { id: call.id, type: "function" } : {}), function: { ...(header ? { name: call.name } : {}), arguments: fragment } };
        });
      });
      const deltas: unknown[] = [];
      let step = 0;
      while (queues.some((queue) => queue.length > 0)) {
        const open = queues.filter((queue) => queue.length > 0);
        deltas.push(open[(order[step++] ?? 0) % open.length]!.shift());
      }
      const chunks: unknown[][] = [];
      for (let start = 0, group = 0; start < deltas.length; group++) {
        const size = grouping[group] ?? 1;
        chunks.push(deltas.slice(start, start + size));
        start += size;
      }
      return { calls, chunks };
    });

  const assemble = (chunks: readonly unknown[][]) => {
    const assembler = new StreamAssembler();
    for (const toolCalls of chunks) assembler.push({ choices: [{ index: 0, delta: { tool_calls: toolCalls } }] });
    assembler.push({ choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] });
    return assembler.finish();
  };

  it("gives the calls of the one-shot message, however the deltas of parallel calls are cut and interleaved", () => {
    fc.assert(
      fc.property(interleaved, ({ calls, chunks }) => {
        const oneShot = assemble([calls.map((call, index) => ({ index, id: call.id, type: "function", function: { name: call.name, arguments: joined(call) } }))]);
        expect(oneShot.message.toolCalls).toEqual(calls.map((call) => ({ id: call.id, name: call.name, arguments: joined(call) })));
        expect(assemble(chunks)).toEqual(oneShot);
      }),
      { numRuns: 1_000 },
    );
  });

  it("keeps parallel calls apart when the gateway leaves out `index` and sends each call whole", () => {
    fc.assert(
      fc.property(fc.uniqueArray(toolCall, { minLength: 1, maxLength: 4, selector: (call) => call.id }), fc.boolean(), (calls, oneChunk) => {
        const deltas = calls.map((call) => ({ id: call.id, type: "function", function: { name: call.name, arguments: joined(call) } }));
        const result = assemble(oneChunk ? [deltas] : deltas.map((delta) => [delta]));
        expect(result.message.toolCalls).toEqual(calls.map((call) => ({ id: call.id, name: call.name, arguments: joined(call) })));
      }),
      { numRuns: 300 },
    );
  });
});
