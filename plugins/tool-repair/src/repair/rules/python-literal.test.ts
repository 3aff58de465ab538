import { describe, expect, it } from "vitest";
import { parsePythonLiteral } from "./python-literal.js";

describe("parsePythonLiteral", () => {
  it("reads escapes inside single-quoted strings as Python does", () => {
    const read = parsePythonLiteral(String.raw`{'content': 'Hello!\nSecond "q" and a\ttab, it\'s \x41\u00e9\101 \d'}`);
    expect(read).toEqual({ value: { content: 'Hello!\nSecond "q" and a\ttab, it\'s Aé\u0041 \\d' }, closed: false });
  });

  it("reads True/False/None, tuples, adjacent strings, raw and triple-quoted strings and trailing commas", () => {
    const read = parsePythonLiteral(String.raw`{'a': True, 'b': (1, -2.5e3,), "c": None, 'd': 'x' "y", 'e': r'C:\new', 'f': '''two
lines''',}`);
    expect(read?.value).toEqual({ a: true, b: [1, -2500], c: null, d: "xy", e: String.raw`C:\new`, f: "two\nlines" });
  });

  it("reads single-quoted JSON and closes brackets left open after a complete value", () => {
    expect(parsePythonLiteral("{'a': [{'b': '{'}, false, null]")).toEqual({ value: { a: [{ b: "{" }, false, null] }, closed: true });
  });

  it("leaves texts without a Python-only token, or that are not one literal, to the JSON rules", () => {
    expect(parsePythonLiteral(String.raw`{"path": "C:\new"}`)).toBeNull();
    expect(parsePythonLiteral("{'a': 'cut")).toBeNull();
    expect(parsePythonLiteral("{'a': 1} trailing")).toBeNull();
    expect(parsePythonLiteral("{'a': }")).toBeNull();
    expect(parsePythonLiteral("{'a': 'x\n'}")).toBeNull();
    expect(parsePythonLiteral("{1: 'x'}")).toBeNull();
  });

  it("keeps a __proto__ key as an ordinary key", () => {
    const value = parsePythonLiteral("{'__proto__': 'x'}")?.value as Record<string, unknown>;
    expect(Object.keys(value)).toEqual(["__proto__"]);
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
  });
});
