import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { repairToolCall } from "./repair-tool-call.js";
import { toJsonMissingClosers, toJsonWithTrailingCommas, toPythonLiteral, toSingleQuotedJson, type PythonQuoting } from "../../test/encode-arguments.js";
import { BUILT_IN_TOOLS, callArbitrary, corpusTools } from "../../test/tool-arbitraries.js";
import type { ToolSpec } from "./types.js";

const TOOLS = [...BUILT_IN_TOOLS, ...corpusTools()];
const WRAPPERS = ["arguments", "input", "parameters"] as const;

function declares(tool: ToolSpec, key: string): boolean {
  const properties = (tool.parameters as { properties?: Record<string, unknown> }).properties;
  return properties !== undefined && Object.keys(properties).length > 0 ? key in properties : false;
}

/** Tools whose schema lets a wrapper be told from a parameter: they declare properties, none of them a wrapper key. */
const WRAPPABLE = TOOLS.filter((tool) => {
  const properties = (tool.parameters as { properties?: Record<string, unknown> }).properties ?? {};
  return Object.keys(properties).length > 0 && !WRAPPERS.some((key) => declares(tool, key));
});

/** Reads `raw` as the arguments of `name` and expects exactly `args` back, as one call. */
function expectReadsBack(name: string, raw: string, args: Record<string, unknown>): void {
  const result = repairToolCall({ name, arguments: raw }, TOOLS);
  expect(result.status, `${raw} → ${result.hint ?? ""}`).not.toBe("unrecoverable");
  expect(result.calls).toHaveLength(1);
  expect(result.calls[0]?.name).toBe(name);
  // Through JSON on both sides: the generated objects have no prototype, the read ones do.
  expect(JSON.parse(JSON.stringify(result.calls[0]?.arguments))).toStrictEqual(JSON.parse(JSON.stringify(args)));
}

describe("every encoding models produce reads back as exactly the object", () => {
  const calls = callArbitrary(TOOLS);

  it("reads the Python-dict case with escapes inside single-quoted strings without changing the content", () => {
    const raw = String.raw`{'path': 'a.txt', 'content': 'Hello!\nSecond line has "quotes" and a\ttab.'}`;
    const result = repairToolCall({ name: "write", arguments: raw }, TOOLS);
    expect(result.status).toBe("repaired");
    expect(result.repairs).toEqual(["python-literal"]);
    expect(result.calls[0]?.arguments).toEqual({ path: "a.txt", content: 'Hello!\nSecond line has "quotes" and a\ttab.' });
  });

  it("Python literals, in both quote styles and as repr picks them", () => {
    const quoting = fc.constantFrom<PythonQuoting>("single", "mixed", "repr");
    fc.assert(fc.property(calls, quoting, ({ name, args }, style) => expectReadsBack(name, toPythonLiteral(args, style), args)), { numRuns: 2_000 });
  });

  it("double-encoded JSON", () => {
    fc.assert(fc.property(calls, ({ name, args }) => expectReadsBack(name, JSON.stringify(JSON.stringify(args)), args)), { numRuns: 1_000 });
  });

  it("arguments wrapped under arguments, input or parameters", () => {
    fc.assert(
      fc.property(callArbitrary(WRAPPABLE), fc.constantFrom(...WRAPPERS), ({ name, args }, key) => expectReadsBack(name, JSON.stringify({ [key]: args }), args)),
      { numRuns: 1_000 },
    );
  });

  it("trailing commas", () => {
    fc.assert(fc.property(calls, ({ name, args }) => expectReadsBack(name, toJsonWithTrailingCommas(args), args)), { numRuns: 1_000 });
  });

  it("single-quoted JSON", () => {
    fc.assert(fc.property(calls, ({ name, args }) => expectReadsBack(name, toSingleQuotedJson(args), args)), { numRuns: 2_000 });
  });

  it("missing closing braces", () => {
    fc.assert(fc.property(calls, ({ name, args }) => expectReadsBack(name, toJsonMissingClosers(args), args)), { numRuns: 1_000 });
  });
});
