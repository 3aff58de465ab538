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
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type ChatResponse,
  ConfigError,
  type ConfigIssue,
  defineGateway,
  GatewayRegistry,
  GatewayTransport,
  loadConfig,
  ModelRegistry,
  readSessionFile,
  type SessionEntryInput,
  SessionLog,
  type SessionRecord,
  StreamAssembler,
  type StreamDelta,
} from "@bridle/core";
import { createToolCallStreamExtractor, extractToolCalls, GRAMMAR_NAMES, type OfferedTool } from "@bridle/plugin-tool-repair";
import { defaultPreset } from "@bridle/preset-default";
import { type ChunkedSseServer, startChunkedSseServer } from "./support/chunked-sse-server.js";
import { LEAKED_GRAMMARS } from "./support/leaked-grammars.js";
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

describe("config files", () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), "bridle-config-property-"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  /** A valid config, built from values each key accepts. */
  const validConfig = fc.record(
    {
      model: fc.constantFrom("kimi-k2-instruct-0905", "moonshotai/kimi-k2-0905", "qwen/qwen3-coder", "acme-coder"),
      gateway: fc.oneof(fc.constantFrom("openrouter", "fireworks"), fc.constant(["fireworks", "openrouter"])),
      fallbackModels: fc.array(fc.constantFrom("glm-4.6", "deepseek-v3.1"), { maxLength: 2 }),
      trace: fc.boolean(),
      gateways: fc.record({ openrouter: fc.record({ baseURL: fc.constant("http://127.0.0.1:9/v1"), apiKeyEnv: fc.constantFrom("MY_OPENROUTER_KEY", "_K2"), enabled: fc.boolean() }, { requiredKeys: [] }) }),
      plugins: fc.record(
        {
          compaction: fc.oneof(fc.boolean(), fc.record({ tier3: fc.constantFrom(0.8, 0.9, 1), keepRecentTurns: fc.integer({ min: 0, max: 100 }) }, { requiredKeys: [] })),
          fallback: fc.record({ maxAttempts: fc.integer({ min: 1, max: 20 }), baseDelayMs: fc.integer({ min: 0, max: 5_000 }) }, { requiredKeys: [] }),
          "tool-repair": fc.boolean(),
        },
        { requiredKeys: [] },
      ),
    },
    { requiredKeys: [] },
  );

  /** A value a key must refuse, with the key path the error has to name. */
  const invalidValue = fc.constantFrom(
    { path: ["model"], value: "" },
    { path: ["model"], value: 42 },
    { path: ["gateway"], value: [] },
    { path: ["gateway"], value: 7 },
    { path: ["fallbackModels"], value: "glm-4.6" },
    { path: ["fallbackModels"], value: [1] },
    { path: ["trace"], value: "yes" },
    { path: ["gateways", "openrouter", "baseURL"], value: "not a url" },
    { path: ["gateways", "openrouter", "apiKeyEnv"], value: "has space" },
    { path: ["gateways", "openrouter", "enabled"], value: "true" },
    { path: ["gateways", "openrouter", "colour"], value: "red" },
    { path: ["plugins", "compaction"], value: "on" },
    { path: ["plugins", "compaction", "tier3"], value: 1.5 },
    { path: ["plugins", "compaction", "keepRecentTurns"], value: -1 },
    { path: ["plugins", "fallback", "maxAttempts"], value: 0 },
    { path: ["plugins", "fallback", "maxAtempts"], value: 5 },
    { path: ["plugins", "tool-repair", "enabled"], value: "no" },
    { path: ["modle"], value: "kimi-k2" },
  );

  /** JSON with what a hand-edited file has: comments, trailing commas, CRLF, a BOM. */
  const jsoncStyle = fc.record({ comments: fc.boolean(), trailingCommas: fc.boolean(), crlf: fc.boolean(), indent: fc.constantFrom(0, 2, 4) });

  function writeConfig(value: unknown, style: { comments: boolean; trailingCommas: boolean; crlf: boolean; indent: number }): string {
    let text = JSON.stringify(value, null, style.indent || undefined);
    if (style.trailingCommas) text = text.replace(/([}\]"\d el])(\s*)([}\]])/g, "$1,$2$3");
    if (style.comments) text = `// bridle config\n/* edited by hand */\n${text.replace(/\n/g, " // note\n")}`;
    if (style.crlf) text = text.replace(/\n/g, "\r\n");
    const file = path.join(directory, `config-${configFiles++}.json`);
    writeFileSync(file, text);
    return file;
  }
  let configFiles = 0;

  const load = (file: string) => loadConfig({ cwd: directory, userConfigFile: file, environment: {}, basePresets: [defaultPreset] });

  it("loads every valid config in every JSONC style with its values applied, nothing dropped", async () => {
    await fc.assert(
      fc.asyncProperty(validConfig, jsoncStyle, async (config, style) => {
        const file = writeConfig(config, style);
        const resolved = await load(file);
        expect(resolved.issues).toEqual([]);
        for (const key of ["model", "gateway", "fallbackModels", "trace", "gateways"] as const) {
          if (config[key] !== undefined) expect((resolved.settings as Record<string, unknown>)[key]).toEqual(config[key]);
        }
        for (const [name, setting] of Object.entries(config.plugins ?? {})) {
          const entry = resolved.plugins.find((plugin) => plugin.plugin.name === name)!;
          if (setting === false) expect(entry.options).toMatchObject({ enabled: false });
          if (typeof setting === "object") expect(entry.options).toMatchObject(setting);
          expect(entry.source).toBe(file);
        }
      }),
      { numRuns: 150 },
    );
  });

  it("refuses an invalid value with an error naming the file and the key, never a crash or a silent accept", async () => {
    await fc.assert(
      fc.asyncProperty(validConfig, invalidValue, jsoncStyle, async (config, invalid, style) => {
        const broken = structuredClone(config) as Record<string, unknown>;
        let node = broken;
        for (const key of invalid.path.slice(0, -1)) node = (node[key] = typeof node[key] === "object" && node[key] !== null ? node[key] : {}) as Record<string, unknown>;
        node[invalid.path.at(-1)!] = invalid.value;
        const file = writeConfig(broken, style);
        const resolved = await load(file);
        const keyPath = invalid.path.join(".");
        const parent = invalid.path.slice(0, -1).join(".");
        // The key itself or a part of its value (`fallbackModels[0]`); an unknown key is named by its parent and the message.
        const names = (issue: ConfigIssue) =>
          issue.keyPath === keyPath || issue.keyPath.startsWith(`${keyPath}[`) || issue.keyPath.startsWith(`${keyPath}.`) || (issue.keyPath === parent && issue.message.includes(String(invalid.path.at(-1))));
        const named = resolved.issues.filter((issue) => issue.file === file && names(issue));
        expect(named, JSON.stringify(resolved.issues)).not.toEqual([]);
        const error = new ConfigError(resolved.issues);
        expect(error.message).toContain(file);
      }),
      { numRuns: 300 },
    );
  });

  it("reports a file cut anywhere as invalid JSON at a line and column of that file, never a crash", async () => {
    await fc.assert(
      fc.asyncProperty(validConfig, jsoncStyle, fc.nat(), async (config, style, cutSeed) => {
        const whole = writeConfig(config, style);
        const text = readFileSync(whole, "utf8");
        const cut = cutSeed % text.length;
        const file = whole.replace(/\.json$/, "-cut.json");
        writeFileSync(file, text.slice(0, cut));
        const resolved = await load(file);
        // A cut that leaves a complete value (nothing, a comment) is fine; anything else names the spot.
        if (resolved.issues.length > 0) {
          expect(resolved.issues.every((issue) => issue.file.startsWith(file))).toBe(true);
          expect(resolved.issues.some((issue) => /^.+:\d+:\d+$/.test(issue.file) || issue.message.includes("top level"))).toBe(true);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe("session files", () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(path.join(tmpdir(), "bridle-session-property-"));
  });
  afterAll(() => rmSync(directory, { recursive: true, force: true }));

  const text = fc.string({ unit: fc.constantFrom("a", " ", "\n", '"', "\\", "é", "🎉", "\u2028", "{", "}"), maxLength: 24 });
  const entry: fc.Arbitrary<SessionEntryInput> = fc.oneof(
    fc.record({ type: fc.constant("message" as const), turn: fc.nat(50), message: fc.record({ role: fc.constant("user" as const), content: text }) }),
    fc.record({ type: fc.constant("message" as const), turn: fc.nat(50), message: fc.record({ role: fc.constant("assistant" as const), content: text }) }),
    fc.record({ type: fc.constant("usage" as const), turn: fc.nat(50), model: fc.constant("acme-coder"), gateway: fc.constant("openrouter"), usage: fc.record({ inputTokens: fc.nat(), outputTokens: fc.nat() }) }),
    fc.record({ type: fc.constant("feed" as const), event: fc.record({ type: fc.constant("request.retry"), level: fc.constant("warn" as const), message: text }) }),
    fc.record({ type: fc.constant("state" as const), key: fc.constantFrom("compaction", "calibration"), value: fc.dictionary(fc.string({ maxLength: 4 }), fc.integer()) }),
  );
  /** Damage to one line: cut short, joined to the next, garbage put in front of it, or a stray half line after it. */
  const damage = fc.record({ line: fc.nat(), kind: fc.constantFrom("cut", "join", "garbage-before", "half-line-after"), at: fc.nat() });

  it("loads every undamaged record in order and reports each damaged line, leaving the file as it was", () => {
    fc.assert(
      fc.property(fc.array(entry, { minLength: 1, maxLength: 30 }), fc.uniqueArray(damage, { maxLength: 4, selector: (item) => item.line }), fc.boolean(), (entries, damages, cutLast) => {
        const log = SessionLog.create({ directory, workspace: directory, model: "acme-coder", gateway: "openrouter" });
        const written = entries.map((input) => JSON.parse(JSON.stringify(log.append(input))) as SessionRecord);
        log.close();
        const lines = readFileSync(log.file, "utf8").split("\n").slice(0, -1);
        const header = lines[0]!;
        const body = lines.slice(1).map((line, index) => ({ line, record: written[index] as SessionRecord | undefined }));
        // Damage lines of the body (the header is covered by the session-log tests).
        const out: string[] = [];
        const byLine = new Map(damages.map((item) => [item.line % body.length, item]));
        for (let index = 0; index < body.length; index++) {
          const { line } = body[index]!;
          const hit = byLine.get(index);
          if (!hit) out.push(line);
          else if (hit.kind === "cut") out.push(line.slice(0, hit.at % line.length));
          else if (hit.kind === "join" && index + 1 < body.length) out.push(line + body[++index]!.line);
          else if (hit.kind === "garbage-before") out.push("\u0000\u0000garbage{", line);
          else out.push(line, line.slice(0, Math.max(1, hit.at % line.length)));
        }
        let textOut = `${[header, ...out].join("\n")}\n`;
        // A crash while the last line was written: no newline at the end, half of it missing.
        if (cutLast) textOut = textOut.slice(0, -1 - Math.floor(out.at(-1)!.length / 2));
        // The oracle: a record is complete when its line is in the file exactly as written.
        const recordOfLine = new Map(body.flatMap(({ line, record }) => (record ? [[line, record] as const] : [])));
        const finalLines = textOut.split("\n").slice(1).filter((line) => line.trim() !== "");
        const expected = finalLines.flatMap((line) => (recordOfLine.has(line) ? [recordOfLine.get(line)!] : []));
        writeFileSync(log.file, textOut);
        const before = readFileSync(log.file);

        // Each damage takes at most two records (a join); the rest must all be there.
        expect(expected.length).toBeGreaterThanOrEqual(written.length - 2 * damages.length - (cutLast ? 1 : 0));
        const contents = readSessionFile(log.file);
        expect(contents.records.slice(1)).toEqual(expected);
        expect(contents.skipped.length).toBe(finalLines.length - expected.length);
        for (const skipped of contents.skipped) expect(skipped.reason.length).toBeGreaterThan(5);
        expect(readFileSync(log.file).equals(before)).toBe(true);

        // Continuing the session: the file is still not rewritten, and what comes next is readable.
        const opened = SessionLog.open(log.file);
        expect(opened.records.slice(1)).toEqual(expected);
        opened.log.append({ type: "interrupted", turn: 1, reason: "resumed" });
        opened.log.close();
        const after = readFileSync(log.file);
        expect(after.subarray(0, before.length).equals(before)).toBe(true);
        const reread = readSessionFile(log.file);
        expect(reread.records.slice(1, -1)).toEqual(expected);
        expect(reread.records.at(-1)).toMatchObject({ type: "interrupted", reason: "resumed" });
        rmSync(log.file);
      }),
      { numRuns: 300 },
    );
  });
});

describe("leaked tool-call grammars, generated calls", () => {
  const names = ["read_file", "get_weather", "run_tests", "search"] as const;
  const keys = fc.constantFrom("path", "city", "query", "mode", "note_text");
  // Values markup cannot be confused with: the XML grammars carry them as element text.
  const value = fc
    .array(fc.constantFrom("a", "Z", "7", " ", "é", "日本", "🎉", "-", ".", "/", ",", ":", "(", ")"), { minLength: 1, maxLength: 10 })
    .map((parts) => parts.join("").trim())
    .filter((text) => text.length > 0);
  const calls = fc.array(fc.record({ name: fc.constantFrom(...names), arguments: fc.dictionary(keys, value, { minKeys: 1, maxKeys: 3 }) }), { minLength: 1, maxLength: 3 });
  const stringProperty = { type: "string" };
  const tools: OfferedTool[] = names.map((name) => ({
    name,
    parameters: { type: "object", properties: { path: stringProperty, city: stringProperty, query: stringProperty, mode: stringProperty, note_text: stringProperty } },
  }));
  const prose = fc.constantFrom("", "Let me check. ", "Sure, running it now.\n", "日本語で説明します。 ");

  it("reads back exactly the calls written in each of the nine grammars, and the stream agrees however the text is cut", () => {
    for (const grammar of GRAMMAR_NAMES) {
      const render = LEAKED_GRAMMARS[grammar];
      fc.assert(
        fc.property(calls, prose, fc.array(fc.nat(), { maxLength: 12 }), (intended, before, cuts) => {
          // Llama's bare JSON is one call per message in the corpus; the others carry several.
          const written = grammar === "llama3-json" ? intended.slice(0, 1) : intended;
          const text = before + render(written);
          const whole = extractToolCalls(text, tools, { grammars: [grammar] });
          expect(
            whole.calls.map((call) => ({ name: call.name, arguments: call.arguments })),
            `${grammar}: ${text}`,
          ).toEqual(written);
          // Cut anywhere, inside a surrogate pair included.
          const points = [...new Set(cuts.map((cut) => cut % (text.length + 1)))].sort((left, right) => left - right);
          const extractor = createToolCallStreamExtractor(tools, { grammars: [grammar] });
          let shown = "";
          let start = 0;
          for (const point of [...points, text.length]) {
            shown += extractor.push(text.slice(start, point)).content;
            start = point;
          }
          const end = extractor.end();
          expect({ ...end, content: shown + end.content }, `${grammar}: ${text}`).toEqual(whole);
        }),
        { numRuns: 120 },
      );
    }
  });
});
