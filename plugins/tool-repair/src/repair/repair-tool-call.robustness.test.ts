import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairToolCall } from "./repair-tool-call.js";
import { compileSchema } from "./schema/compile-schema.js";
import type { ToolSpec } from "./types.js";

const TOOLS: ToolSpec[] = [
  {
    name: "edit",
    parameters: {
      type: "object",
      properties: { path: { type: "string" }, old_string: { type: "string" }, new_string: { type: "string" }, replace_all: { type: "boolean" } },
      required: ["path", "old_string", "new_string"],
      additionalProperties: false,
    },
  },
  {
    name: "todo",
    parameters: {
      type: "object",
      properties: { todos: { type: "array", items: { type: "object", properties: { content: { type: "string" }, status: { enum: ["pending", "done"] } }, required: ["content", "status"] } } },
      required: ["todos"],
    },
  },
  { name: "search", parameters: { type: "object", properties: { query: { type: "string" }, limit: { type: "integer", minimum: 1 } }, required: ["query"] } },
];

const SAMPLES = [
  JSON.stringify({ path: "src/a.ts", old_string: 'const a = "x";\n', new_string: "const a = 'y';\n", replace_all: false }),
  JSON.stringify({ todos: [{ content: "write tests", status: "pending" }, { content: "ship", status: "done" }] }),
  JSON.stringify({ query: "rust async", limit: 5 }),
];

/** A sample with damage a model or gateway might do: cut, dropped or inserted characters. */
const damaged = fc.tuple(fc.nat(SAMPLES.length - 1), fc.nat(), fc.constantFrom("cut", "drop", "insert"), fc.constantFrom('"', "'", "}", "{", ",", "\\", "\n", "</parameter>", "null", " "))
  .map(([sample, position, kind, text]) => {
    const source = SAMPLES[sample] ?? "";
    const at = position % (source.length + 1);
    if (kind === "cut") return source.slice(0, at);
    if (kind === "drop") return source.slice(0, at) + source.slice(at + 1);
    return source.slice(0, at) + text + source.slice(at);
  });

function assertSound(name: string, args: string): void {
  const result = repairToolCall({ name, arguments: args }, TOOLS);
  if (result.status === "unrecoverable") {
    expect(result.calls).toEqual([]);
    expect(result.hint).toMatch(/\S/);
    return;
  }
  expect(result.hint).toBeUndefined();
  for (const call of result.calls) {
    const tool = TOOLS.find((candidate) => candidate.name === call.name);
    expect(tool).toBeDefined();
    expect(compileSchema(tool?.parameters ?? false).check(call.arguments)).toBe(true);
  }
}

describe("repairToolCall robustness", () => {
  it("never throws and only ever returns calls that validate, whatever the text", () => {
    fc.assert(
      fc.property(fc.constantFrom("edit", "todo", "search", "Edit", "functions.search"), fc.oneof(fc.string(), fc.json(), damaged), (name, args) => assertSound(name, args)),
      { numRuns: 3_000 },
    );
  });

  it("handles large damaged input", () => {
    const big = JSON.stringify({ path: "a", old_string: 'x"y\n'.repeat(20_000), new_string: "z" }).slice(0, -10);
    assertSound("edit", big);
    assertSound("edit", big.replace(/\\"/g, '"'));
  });
});
