import OpenAI from "openai";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import type { ScenarioStepInput } from "./scenario-schema.js";
import { startGatewaySim, type GatewaySim } from "./start-gateway-sim.js";
import { collectStream } from "./testing/collect-stream.js";
import { readFixture } from "./testing/read-fixture.js";

interface MalformedRow {
  readonly id: string;
  readonly origin: string;
  readonly raw_name: string | null;
  readonly tool_name: string;
  readonly raw_arguments: unknown;
  readonly raw_content: string | null;
}

interface ToolFormatRow {
  readonly id: string;
  readonly origin: string;
  readonly raw: string;
  readonly chunks?: string[];
}

const malformed = readFixture<MalformedRow>("malformed-tool-calls.jsonl");
const toolFormats = readFixture<ToolFormatRow>("toolformats.jsonl");

/** The name to send: the raw name unless the source did not give one (null or `<…>`). */
function sentName(row: MalformedRow): string {
  return row.raw_name === null || /^<.*>$/.test(row.raw_name) ? row.tool_name : row.raw_name;
}

/** A step that replays a malformed row: its leaked text as content and its call, arguments as recorded. */
function malformedStep(row: MalformedRow): ScenarioStepInput {
  const call =
    row.raw_arguments === null
      ? { name: sentName(row), omitArguments: true }
      : { name: sentName(row), arguments: row.raw_arguments as string | Record<string, unknown> };
  return { id: row.id, ...(row.raw_content === null ? {} : { content: row.raw_content }), toolCalls: [call] };
}

// openrouter streams arguments as deltas, groq in one chunk: both paths must keep every byte.
const PROFILES = ["openrouter", "groq"] as const;
const MODELS = { openrouter: "qwen/qwen3-coder", groq: "openai/gpt-oss-120b" } as const;
let sim: GatewaySim;

beforeAll(async () => {
  sim = await startGatewaySim({ profiles: [...PROFILES] });
});
afterAll(async () => {
  await sim.close();
});

test("the fixtures are the corpus copies", () => {
  expect(malformed.length).toBeGreaterThanOrEqual(60);
  expect(toolFormats.length).toBeGreaterThanOrEqual(162);
  expect(new Set(malformed.map((row) => row.origin))).toEqual(new Set(["shared/corpora/malformed-tool-calls.jsonl"]));
  expect(new Set(toolFormats.map((row) => row.origin))).toEqual(new Set(["shared/corpora/toolformats.jsonl"]));
});

describe.each(PROFILES)("malformed tool calls replayed through %s", (profile) => {
  test.each(malformed.map((row) => [row.id, row] as const))("%s arrives byte for byte", async (_id, row) => {
    const client = new OpenAI({ baseURL: sim.baseURL(profile), apiKey: sim.apiKey(profile), maxRetries: 0 });
    const request = { model: MODELS[profile], messages: [{ role: "user" as const, content: `replay ${row.id}` }] };

    sim.enqueue(malformedStep(row));
    const streamed = await collectStream(await client.chat.completions.create({ ...request, stream: true }));
    expect(streamed.content).toBe(row.raw_content ?? "");
    expect(streamed.toolCalls).toHaveLength(1);
    expect(streamed.toolCalls[0]?.name).toBe(sentName(row));
    if (row.raw_arguments === null) expect(streamed.toolCalls[0]?.argumentChunks).toBe(0);
    else expect(streamed.toolCalls[0]?.arguments).toEqual(row.raw_arguments);

    sim.enqueue(malformedStep(row));
    const completion = await client.chat.completions.create(request);
    const message = completion.choices[0]?.message;
    expect(message?.content ?? "").toBe(row.raw_content ?? "");
    const fn = message?.tool_calls?.[0]?.type === "function" ? message.tool_calls[0].function : undefined;
    expect(fn?.name).toBe(sentName(row));
    if (row.raw_arguments === null) expect(fn !== undefined && "arguments" in fn).toBe(false);
    else expect(fn?.arguments).toEqual(row.raw_arguments);
    expect(sim.requests.last(profile)?.step).toBe(row.id);
  });
});

describe.each(PROFILES)("leaked tool-call grammars replayed through %s", (profile) => {
  test.each(toolFormats.map((row) => [row.id, row] as const))("%s arrives byte for byte", async (_id, row) => {
    const client = new OpenAI({ baseURL: sim.baseURL(profile), apiKey: sim.apiKey(profile), maxRetries: 0 });
    const request = { model: MODELS[profile], messages: [{ role: "user" as const, content: `replay ${row.id}` }] };
    const step: ScenarioStepInput = { id: row.id, content: row.raw, ...(row.chunks === undefined ? {} : { contentChunks: row.chunks }) };

    sim.enqueue(step);
    const streamed = await collectStream(await client.chat.completions.create({ ...request, stream: true }));
    expect(streamed.content).toBe(row.raw);
    if (row.chunks !== undefined) expect(streamed.contentPieces).toEqual(row.chunks.filter((piece) => piece !== ""));
    expect(streamed.toolCalls).toHaveLength(0);

    sim.enqueue(step);
    const completion = await client.chat.completions.create(request);
    expect(completion.choices[0]?.message.content).toBe(row.raw);
  });
});
