import { describe, expect, it } from "vitest";
import { parsePythonCalls } from "./parse-python-calls.js";

describe("parsePythonCalls", () => {
  it("reads keyword calls with Python literals", () => {
    expect(parsePythonCalls("[f(a=1, b=-2.5e1, c='x', d=[True, False, None], e={'k': (1, 2)}), g()]")).toEqual([
      { name: "f", arguments: { a: 1, b: -25, c: "x", d: [true, false, null], e: { k: [1, 2] } } },
      { name: "g", arguments: {} },
    ]);
    expect(parsePythonCalls("mod.fn(x=\"a\\nb\")")).toEqual([{ name: "mod.fn", arguments: { x: "a\nb" } }]);
  });

  it("refuses anything that is not a keyword call list", () => {
    for (const text of ["", "[]", "f(1)", "[f(a=1)] trailing", "f(a=b)", "[f(a=1)", "hello world"]) {
      expect(parsePythonCalls(text), text).toBeUndefined();
    }
  });
});
