import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { jsonEqual } from "./schema/schema-node.js";
import { repairToolCall } from "./repair-tool-call.js";
import type { JsonSchema, RepairResult, ToolSpec } from "./types.js";

/** One row of `__fixtures__/malformed-tool-calls.jsonl` (copied from shared/corpora). */
interface CorpusRow {
  /** Where the row was copied from. */
  corpus: string;
  id: string;
  source: string;
  category: string;
  tool_schema: JsonSchema | null;
  tool_name: string;
  raw_name: string | null;
  raw_arguments: string | object | null;
  raw_content: string | null;
  expected: Record<string, unknown> | Array<Record<string, unknown>> | null;
  notes: string;
}

const FIXTURE = new URL("./__fixtures__/malformed-tool-calls.jsonl", import.meta.url);
const rows: CorpusRow[] = readFileSync(FIXTURE, "utf8")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as CorpusRow);

/**
 * Rows whose `expected` cannot be derived from the row's own input. Each says why; the test still
 * checks that these rows are not run as something else.
 */
const UNREACHABLE: Readonly<Record<string, string>> = {
  "mal-015": "the source UI cut the description off mid-word; `expected` completes it by judgement",
};

/** Other tools offered beside the row's own, so name resolution must pick among several. */
const NEIGHBOURS: ToolSpec[] = [
  { name: "read", parameters: { type: "object", properties: { path: { type: "string" } }, required: ["path"] } },
  { name: "write", parameters: { type: "object", properties: { path: { type: "string" }, content: { type: "string" } }, required: ["path", "content"] } },
  { name: "bash", parameters: { type: "object", properties: { command: { type: "string" } }, required: ["command"] } },
  { name: "grep", parameters: { type: "object", properties: { pattern: { type: "string" }, path: { type: "string" } }, required: ["pattern"] } },
  { name: "ls", parameters: { type: "object", properties: { path: { type: "string" } } } },
];

function toolsFor(row: CorpusRow): ToolSpec[] {
  // An unknown schema means an unknown tool: any object is acceptable, nothing is declared.
  const own: ToolSpec = { name: row.tool_name, parameters: row.tool_schema ?? { type: "object" } };
  const taken = row.tool_name.toLowerCase();
  return [own, ...NEIGHBOURS.filter((tool) => tool.name.toLowerCase() !== taken)];
}

function callFor(row: CorpusRow): { name: string | null; arguments: string | object | null; content: string | null } {
  const unnamed = row.raw_name === null || /^<.*>$/.test(row.raw_name);
  return { name: unnamed ? row.tool_name : row.raw_name, arguments: row.raw_arguments, content: row.raw_content };
}

function matchesExpected(row: CorpusRow, result: RepairResult): boolean {
  if (row.expected === null) return result.status === "unrecoverable" && typeof result.hint === "string" && result.hint.length > 0;
  if (result.status === "unrecoverable") return false;
  const wanted = Array.isArray(row.expected) ? row.expected : [row.expected];
  return (
    result.calls.length === wanted.length &&
    result.calls.every((call, index) => call.name === row.tool_name && jsonEqual(call.arguments, wanted[index]))
  );
}

describe("malformed-tool-calls corpus", () => {
  const results = rows.map((row) => ({ row, result: repairToolCall(callFor(row), toolsFor(row)) }));

  it("prints a table of every row", () => {
    const table = results.map(({ row, result }) => ({
      id: row.id,
      category: row.category,
      expected: row.expected === null ? "unrecoverable" : "repaired",
      status: result.status,
      repairs: result.repairs.join(" "),
      ok: matchesExpected(row, result) ? "yes" : UNREACHABLE[row.id] !== undefined ? "unreachable" : "NO",
    }));
    console.table(table);
    const failures = table.filter((line) => line.ok === "NO");
    if (failures.length > 0) console.log("Failures:", failures.map((line) => line.id).join(", "));
    expect(table).toHaveLength(rows.length);
  });

  for (const { row, result } of results) {
    if (UNREACHABLE[row.id] !== undefined) continue;
    it(`${row.id} (${row.category}) → ${row.expected === null ? "unrecoverable with a hint" : "the intended arguments"}`, () => {
      if (!matchesExpected(row, result)) {
        expect({ status: result.status, calls: result.calls, hint: result.hint }).toEqual({ expected: row.expected });
      }
      expect(matchesExpected(row, result)).toBe(true);
    });
  }

  it("never runs an unreachable row as a different call", () => {
    for (const { row, result } of results) {
      if (UNREACHABLE[row.id] === undefined) continue;
      expect(result.status).toBe("unrecoverable");
      expect(result.hint).toMatch(/cut off/);
    }
  });

  it("recovers the same calls from the leaked assistant text alone", () => {
    const leaked = rows.filter((row) => row.raw_content !== null);
    expect(leaked.length).toBeGreaterThan(3);
    for (const row of leaked) {
      const result = repairToolCall({ name: null, arguments: null, content: row.raw_content }, toolsFor(row));
      expect(matchesExpected(row, result), row.id).toBe(true);
    }
  });

  it("keeps the source of every row", () => {
    for (const row of rows) {
      expect(row.corpus).toBe("shared/corpora/malformed-tool-calls.jsonl");
      expect(row.source).toMatch(/\S/);
    }
  });
});
