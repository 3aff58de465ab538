import { describe, expect, it } from "vitest";
import { StreamAssembler, type StreamDelta } from "./stream-assembler.js";

const chunk = (delta: Record<string, unknown>, extra: Record<string, unknown> = {}) => ({ choices: [{ index: 0, delta, finish_reason: null }], ...extra });
const finish = (reason: string, extra: Record<string, unknown> = {}) => ({ choices: [{ index: 0, delta: {}, finish_reason: reason }], ...extra });

describe("StreamAssembler", () => {
  it("assembles tool-call deltas by index and keeps ids verbatim", () => {
    const assembler = new StreamAssembler();
    assembler.push(chunk({ tool_calls: [{ index: 0, id: "functions.read:0", type: "function", function: { name: "read", arguments: "" } }] }));
    assembler.push(chunk({ tool_calls: [{ index: 1, id: "functions.bash:1", function: { name: "bash", arguments: '{"comm' } }] }));
    assembler.push(chunk({ tool_calls: [{ index: 0, function: { arguments: '{"path":' } }] }));
    assembler.push(chunk({ tool_calls: [{ index: 0, function: { arguments: '"a.ts"}' } }] }));
    assembler.push(chunk({ tool_calls: [{ index: 1, function: { arguments: 'and":"ls"}' } }] }));
    assembler.push(finish("tool_calls"));
    const result = assembler.finish();
    expect(result.finishReason).toBe("tool_calls");
    expect(result.message.toolCalls).toEqual([
      { id: "functions.read:0", name: "read", arguments: '{"path":"a.ts"}' },
      { id: "functions.bash:1", name: "bash", arguments: '{"command":"ls"}' },
    ]);
  });

  it("keeps calls apart when a gateway leaves out index and sends each call whole in its own chunk", () => {
    const assembler = new StreamAssembler();
    assembler.push(chunk({ tool_calls: [{ id: "call_a", type: "function", function: { name: "read", arguments: '{"path":"a.ts"}' } }] }));
    assembler.push(chunk({ tool_calls: [{ id: "call_b", type: "function", function: { name: "read", arguments: "" } }] }));
    // Neither index nor id: the continuation of the call before it.
    assembler.push(chunk({ tool_calls: [{ function: { arguments: '{"path":"b.ts"}' } }] }));
    assembler.push(chunk({ tool_calls: [{ id: "call_a", function: { arguments: "" } }] }));
    assembler.push(finish("tool_calls"));
    expect(assembler.finish().message.toolCalls).toEqual([
      { id: "call_a", name: "read", arguments: '{"path":"a.ts"}' },
      { id: "call_b", name: "read", arguments: '{"path":"b.ts"}' },
    ]);
  });

  it("takes reasoning from the first non-empty field only and remembers which", () => {
    const assembler = new StreamAssembler();
    assembler.push(chunk({ reasoning_content: "think", reasoning: "think" }));
    assembler.push(chunk({ content: "answer" }));
    assembler.push(finish("stop"));
    const { message } = assembler.finish();
    expect(message).toMatchObject({ content: "answer", reasoning: "think", reasoningField: "reasoning_content" });

    const vllm = new StreamAssembler();
    vllm.push(chunk({ reasoning: "r" }));
    vllm.push(finish("stop"));
    expect(vllm.finish().message).toMatchObject({ reasoning: "r", reasoningField: "reasoning", content: null });
  });

  it("splits <think> out of content and streams deltas", () => {
    const deltas: StreamDelta[] = [];
    const assembler = new StreamAssembler((delta) => deltas.push(delta));
    assembler.push(chunk({ content: "<thi" }));
    assembler.push(chunk({ content: "nk>why</think>ok" }));
    assembler.push(finish("stop"));
    expect(assembler.finish().message).toMatchObject({ content: "ok", reasoning: "why", reasoningField: "think-tag" });
    expect(deltas).toEqual([
      { type: "reasoning", text: "why" },
      { type: "text", text: "ok" },
    ]);
  });

  it("reads OpenAI usage alone by default, absent cached tokens as unknown, not 0", () => {
    const assembler = new StreamAssembler();
    assembler.push(finish("stop"));
    assembler.push({ choices: [], x_groq: { usage: { prompt_tokens: 99, completion_tokens: 9 } } });
    expect(assembler.finish().usage).toBeUndefined();
    const plain = new StreamAssembler();
    plain.push({ choices: [], usage: { prompt_tokens: 10, completion_tokens: 2 } });
    expect(plain.finish().usage).toEqual({ inputTokens: 10, outputTokens: 2 });
  });

  it("finds usage in the places a response shape names and keeps the last", () => {
    const shape = {
      response: {
        usagePaths: ["x_groq.usage", "choices.0.usage"],
        cachedTokenPaths: ["cached_tokens", "prompt_cache_hit_tokens"],
        chunkCachedTokenPaths: ["timings.cache_n"],
      },
    };
    const places = [
      { usage: { prompt_tokens: 10, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 8 } } },
      { x_groq: { usage: { prompt_tokens: 10, completion_tokens: 2 } } },
      { choices: [{ index: 0, delta: {}, finish_reason: "stop", usage: { prompt_tokens: 10, completion_tokens: 2, cached_tokens: 4 } }] },
      { usage: { prompt_tokens: 10, completion_tokens: 2, prompt_cache_hit_tokens: 6 } },
      { usage: { prompt_tokens: 10, completion_tokens: 2 }, timings: { cache_n: 3 } },
    ];
    const cached = places.map((place) => {
      const assembler = new StreamAssembler(undefined, shape);
      assembler.push(finish("stop"));
      assembler.push({ choices: [], ...place });
      return assembler.finish().usage?.cachedInputTokens;
    });
    expect(cached).toEqual([8, undefined, 4, 6, 3]);
  });

  it("reports no finish reason when the stream was cut", () => {
    const assembler = new StreamAssembler();
    assembler.push(chunk({ content: "partial" }));
    expect(assembler.finish().finishReason).toBeUndefined();
  });

  it("calls a stream that repeats one chunk 100 times degenerate", () => {
    const assembler = new StreamAssembler();
    expect(() => {
      for (let index = 0; index < 100; index++) assembler.push(chunk({ content: "again " }));
    }).toThrowError(/repeated the same output 100 times/);
  });
});
