import { readFileSync } from "node:fs";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { createToolCallStreamExtractor } from "./create-tool-call-stream-extractor.js";
import { extractToolCalls } from "./extract-tool-calls.js";
import type { ExtractedToolCall, ExtractOptions, ExtractResult, OfferedTool } from "./types.js";

/** One row of toolformats.jsonl (copied from shared/corpora/toolformats.jsonl). */
interface ToolFormatRow {
  id: string;
  format: string;
  raw: string;
  /** The calls the upstream test asserts, or prose when it asserts something else. */
  expected: ExtractedToolCall[] | string;
  /** The remaining content the upstream test asserts, or null when it asserts none. */
  content: string | null;
  source: string;
  chunks?: string[];
}

type ProseExpectation = { calls: ExtractedToolCall[]; content?: string; note?: string } | { skip: string };

function fixture(name: string): string {
  return readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
}

function loadRows(): ToolFormatRow[] {
  return fixture("toolformats.jsonl")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => JSON.parse(line) as ToolFormatRow);
}

const { prose: proseExpectations, contentWithMarkup } = JSON.parse(fixture("toolformats-expectations.json")) as {
  prose: Record<string, ProseExpectation>;
  contentWithMarkup: Record<string, string>;
};
const toolFixture = JSON.parse(fixture("toolformats-tools.json")) as {
  catalogue: Record<string, OfferedTool>;
  byFormat: Record<string, string[]>;
  byRow: Record<string, string[]>;
};

function toolsForRow(row: ToolFormatRow): OfferedTool[] | undefined {
  const names = toolFixture.byRow[row.id] ?? toolFixture.byFormat[row.format];
  return names?.map((name) => {
    const tool = toolFixture.catalogue[name];
    if (!tool) throw new Error(`toolformats-tools.json: ${row.id} offers ${name}, which is not in the catalogue`);
    return tool;
  });
}

const rows = loadRows();

/** Block openers of every grammar: none may survive in the content of a row whose calls were read. */
const OPENERS = [
  "<tool_call>",
  "<function=",
  "<|tool_calls_section_begin|>",
  "<|tool_call_begin|>",
  "<｜tool▁calls▁begin｜>",
  "<｜tool▁call▁begin｜>",
  "<｜DSML｜",
  "<minimax:tool_call>",
  "<|channel|>",
  "<|start|>",
  "<|python_tag|>",
  "<|python_start|>",
  "[TOOL_CALLS]",
];

/** SGLang's detectors drop calls to tools that were not offered; its rows are read that way. */
function optionsForRow(row: ToolFormatRow): ExtractOptions {
  return { dropUnknownTools: row.source.startsWith("sgl-project/sglang") };
}

function extractRow(row: ToolFormatRow): ExtractResult {
  return extractToolCalls(row.raw, toolsForRow(row), optionsForRow(row));
}

function streamRow(row: ToolFormatRow, chunks: readonly string[]): ExtractResult {
  const extractor = createToolCallStreamExtractor(toolsForRow(row), optionsForRow(row));
  let content = "";
  for (const chunk of chunks) content += extractor.push(chunk).content;
  const end = extractor.end();
  return { ...end, content: content + end.content };
}

/** The parts of a call the corpus states: name and arguments, plus id / raw text when given. */
function comparable(calls: readonly ExtractedToolCall[], withIds: boolean): unknown[] {
  return calls.map((call) => {
    const shape: Record<string, unknown> = { name: call.name, arguments: call.arguments };
    if (withIds && call.id !== undefined) shape["id"] = call.id;
    if (call.rawArguments !== undefined) shape["rawArguments"] = call.rawArguments;
    return shape;
  });
}

type Verdict = { pass: true } | { pass: false; reason: string } | { skip: string };

function judge(row: ToolFormatRow, result: ExtractResult): Verdict {
  const prose = proseExpectations[row.id];
  if (typeof row.expected === "string" || prose) {
    if (!prose) return { pass: false, reason: `prose expectation without a reading: ${String(row.expected)}` };
    if ("skip" in prose) return { skip: prose.skip };
    const withIds = prose.calls.some((call) => call.id !== undefined);
    const actual = JSON.stringify(comparable(result.calls, withIds));
    const wanted = JSON.stringify(comparable(prose.calls, withIds));
    if (actual !== wanted) return { pass: false, reason: `calls ${actual} != ${wanted}` };
    if (prose.content !== undefined && result.content !== prose.content) {
      return { pass: false, reason: `content ${JSON.stringify(result.content)} != ${JSON.stringify(prose.content)}` };
    }
    return { pass: true };
  }
  const withIds = row.expected.some((call) => call.id !== undefined);
  const actual = JSON.stringify(comparable(result.calls, withIds));
  const wanted = JSON.stringify(comparable(row.expected as ExtractedToolCall[], withIds));
  if (actual !== wanted) return { pass: false, reason: `calls ${actual} != ${wanted}` };
  if (row.content !== null) {
    if (result.content !== row.content) return { pass: false, reason: `content ${JSON.stringify(result.content)} != ${JSON.stringify(row.content)}` };
  } else if (contentWithMarkup[row.id] !== undefined) {
    if (result.content !== contentWithMarkup[row.id]) return { pass: false, reason: `content ${JSON.stringify(result.content)}` };
  } else {
    const left = OPENERS.find((opener) => result.content.includes(opener));
    if (left) return { pass: false, reason: `markup ${left} left in content ${JSON.stringify(result.content)}` };
  }
  return { pass: true };
}

const table = new Map<string, { pass: number; fail: number; skip: number }>();
const failures: string[] = [];

afterAll(() => {
  const lines = ["format               pass  fail  skip"];
  for (const [format, counts] of table) {
    lines.push(`${format.padEnd(20)} ${String(counts.pass).padStart(4)}  ${String(counts.fail).padStart(4)}  ${String(counts.skip).padStart(4)}`);
  }
  console.log(`toolformats.jsonl (whole text)\n${lines.join("\n")}${failures.length > 0 ? `\nfailures:\n${failures.join("\n")}` : ""}`);
});

describe("toolformats.jsonl, whole text", () => {
  it.each(rows.map((row) => [row.id, row] as const))("%s", (_id, row) => {
    const verdict = judge(row, extractRow(row));
    const counts = table.get(row.format) ?? { pass: 0, fail: 0, skip: 0 };
    table.set(row.format, counts);
    if ("skip" in verdict) {
      counts.skip += 1;
      return;
    }
    if (verdict.pass) counts.pass += 1;
    else {
      counts.fail += 1;
      failures.push(`${row.id}: ${verdict.reason}`);
    }
    expect(verdict).toEqual({ pass: true });
  });
});

describe("toolformats.jsonl, streamed", () => {
  const runnable = rows.filter((row) => {
    const prose = proseExpectations[row.id];
    return !(prose && "skip" in prose);
  });

  it.each(runnable.filter((row) => row.chunks).map((row) => [row.id, row] as const))("%s in the upstream test's chunks", (_id, row) => {
    expect(streamRow(row, row.chunks ?? [])).toEqual(extractRow(row));
  });

  it("every row, split at random points, gives the whole-text result", () => {
    for (const row of runnable) {
      const whole = extractRow(row);
      fc.assert(
        fc.property(fc.uniqueArray(fc.integer({ min: 1, max: Math.max(1, row.raw.length - 1) }), { maxLength: 12 }), (cuts) => {
          const points = [0, ...[...cuts].sort((left, right) => left - right), row.raw.length];
          const chunks = points.slice(1).map((point, index) => row.raw.slice(points[index], point));
          expect(streamRow(row, chunks), row.id).toEqual(whole);
        }),
        { numRuns: 40 },
      );
    }
  });

  it("every row, one character at a time, gives the whole-text result", () => {
    for (const row of runnable) {
      expect(streamRow(row, [...row.raw]), row.id).toEqual(extractRow(row));
    }
  });
});
