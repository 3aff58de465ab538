import { describe, expect, it } from "vitest";
import { formatRepairHint } from "./format-repair-hint.js";
import { compileSchema } from "./schema/compile-schema.js";

const schema = compileSchema({ type: "object", properties: { path: { type: "string" }, offset: { type: "integer", minimum: 1 } }, required: ["path"] });
const context = { toolName: "read", schema, available: ["read", "write"] };

describe("formatRepairHint", () => {
  it("says what was wrong, that nothing ran, and the expected shape", () => {
    const hint = formatRepairHint(
      {
        kind: "invalid-arguments",
        issues: [
          { path: ["path"], keyword: "required", expected: "a value (required)", got: "missing" },
          { path: ["offset"], keyword: "minimum", expected: "a number >= 1", got: "number 0" },
        ],
      },
      context,
    );
    expect(hint).toBe(
      "The call to `read` was not run: `path` is required but missing; `offset` must be a number >= 1, got number 0. Expected arguments: { path: string, offset?: integer }. Send the call again with these fixed; do not repeat it unchanged.",
    );
  });

  it("lists available tools for an unknown name", () => {
    expect(formatRepairHint({ kind: "unknown-tool", name: "browse" }, { ...context, toolName: null, schema: null })).toBe(
      'There is no tool named "browse", so nothing was run. Available tools: read, write. Call one of them by its exact name, with its arguments as a JSON object.',
    );
  });

  it("explains truncation and where it happened, shortening long keys", () => {
    expect(formatRepairHint({ kind: "truncated", key: "content", inValue: true, length: 4096 }, context)).toMatch(/^The arguments of `read` were cut off after 4096 characters inside the value of `content`, so nothing was run/);
    expect(formatRepairHint({ kind: "truncated", key: "k".repeat(80), inValue: false, length: 9 }, context)).toContain(`at the key \`${"k".repeat(37)}...\``);
  });

  it("is a single paragraph for every kind of problem", () => {
    const problems = [
      { kind: "missing-name" },
      { kind: "invalid-json", message: "Colon expected at position 3" },
      { kind: "lost-boundary", key: "content" },
      { kind: "not-object", got: "number 4" },
      { kind: "unverifiable-split", count: 3 },
      { kind: "mismatched-split", names: 2, objects: 1 },
      { kind: "empty-value", key: "path" },
      { kind: "grammar-markup", key: "path", marker: "</arg_value>" },
    ] as const;
    for (const problem of problems) {
      const hint = formatRepairHint(problem, context);
      expect(hint).not.toContain("\n");
      expect(hint).toMatch(/not run|nothing was run/);
    }
  });
});
