import { readFileSync } from "node:fs";
import { createKernel, passThroughFilter, type ToolDefinition } from "@bridle/core";
import { createTestContext } from "@bridle/core/testing";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { toolRepairPlugin } from "../tool-repair-plugin.js";
import { detectToolCallGrammars } from "./detect-tool-call-grammars.js";
import { extractToolCalls } from "./extract-tool-calls.js";
import type { OfferedTool } from "./types.js";

/** Rows of toolformats.jsonl (copied from shared/corpora/toolformats.jsonl) whose text leaks at least one call. */
interface Row {
  id: string;
  format: string;
  raw: string;
}

const fixture = (name: string) => readFileSync(new URL(`./__fixtures__/${name}`, import.meta.url), "utf8");
const tools = JSON.parse(fixture("toolformats-tools.json")) as { catalogue: Record<string, OfferedTool>; byFormat: Record<string, string[]>; byRow: Record<string, string[]> };
const toolsFor = (row: Row): ToolDefinition[] =>
  (tools.byRow[row.id] ?? tools.byFormat[row.format] ?? []).map((name) => ({ description: "", ...tools.catalogue[name]! }) as ToolDefinition);
const rows = fixture("toolformats.jsonl")
  .split("\n")
  .filter((line) => line.trim() !== "")
  .map((line) => JSON.parse(line) as Row)
  .filter((row) => extractToolCalls(row.raw, toolsFor(row)).calls.length > 0);

/** Rows whose text keeps a block that is no call (a malformed header): it stays content, verbatim. */
const { contentWithMarkup } = JSON.parse(fixture("toolformats-expectations.json")) as { contentWithMarkup: Record<string, string> };

const kernel = createKernel({ plugins: [{ plugin: toolRepairPlugin }] });

/** What the agent would show of `raw` streamed in the given pieces, through every `streamText` tap. */
function shown(row: Row, pieces: readonly string[]): string {
  const filter = kernel.hooks.streamText.call(passThroughFilter(), createTestContext({ tools: toolsFor(row) }));
  return pieces.map((piece) => filter.push(piece)).join("") + filter.end();
}

function split(text: string, cuts: readonly number[]): string[] {
  const points = [...new Set(cuts.map((cut) => Math.min(cut, text.length)))].sort((a, b) => a - b);
  const pieces: string[] = [];
  let from = 0;
  for (const point of [...points, text.length]) {
    pieces.push(text.slice(from, point));
    from = point;
  }
  return pieces;
}

describe("streamText: leaked tool-call markup never reaches the screen", () => {
  it("covers every grammar of the corpus", () => {
    expect(new Set(rows.map((row) => row.format)).size).toBeGreaterThanOrEqual(9);
  });

  it("shows exactly the content left after extraction, with no markup, however the stream is split", () => {
    for (const row of rows) {
      const content = extractToolCalls(row.raw, toolsFor(row)).content;
      fc.assert(
        fc.property(fc.array(fc.integer({ min: 0, max: row.raw.length }), { maxLength: 16 }), (cuts) => {
          const visible = shown(row, split(row.raw, cuts));
          expect(visible, row.id).toBe(content);
          if (contentWithMarkup[row.id] === undefined) expect(detectToolCallGrammars(visible), row.id).toEqual([]);
        }),
        { numRuns: 60 },
      );
      expect(shown(row, [...row.raw]), `${row.id} one character at a time`).toBe(content);
    }
  });

  it("passes text through unchanged when leaked calls are not extracted", () => {
    const off = createKernel({ plugins: [{ plugin: toolRepairPlugin, options: { extractLeakedCalls: false } }] });
    const filter = off.hooks.streamText.call(passThroughFilter(), createTestContext());
    expect(filter.push("<tool_call>{")).toBe("<tool_call>{");
  });
});
