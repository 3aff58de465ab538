import { describe, expect, it } from "vitest";
import { classifyTruncation, endsAtNaturalBoundary } from "./close-truncated-json.js";

describe("classifyTruncation", () => {
  it("closes text cut after a complete value or a comma", () => {
    expect(classifyTruncation('{"a": ["x", "y"')).toEqual({ kind: "closable", closed: '{"a": ["x", "y"]}' });
    expect(classifyTruncation('{"a": 1,')).toEqual({ kind: "closable", closed: '{"a": 1}' });
    expect(classifyTruncation('{"a": {"b": true')).toEqual({ kind: "closable", closed: '{"a": {"b": true}}' });
  });

  it("closes a cut string only at a natural end", () => {
    expect(classifyTruncation(String.raw`{"c": "print(\"hi\")`)).toEqual({ kind: "closable", closed: String.raw`{"c": "print(\"hi\")"}` });
    expect(classifyTruncation('{"c": "ls')).toMatchObject({ kind: "cut", key: "c", inValue: true });
  });

  it("reports text cut inside a key, after a colon or inside a word", () => {
    expect(classifyTruncation('{"a": 1, "des')).toMatchObject({ kind: "cut", key: "des", inValue: false });
    expect(classifyTruncation('{"a":')).toMatchObject({ kind: "cut", key: "a" });
    expect(classifyTruncation('{"a": tr')).toMatchObject({ kind: "cut", inValue: true });
  });

  it("says complete for complete text", () => {
    expect(classifyTruncation('{"a": 1}')).toEqual({ kind: "complete" });
  });
});

describe("endsAtNaturalBoundary", () => {
  it("wants a final closing bracket and balanced brackets", () => {
    expect(endsAtNaturalBoundary("f(a[0], {b})")).toBe(true);
    expect(endsAtNaturalBoundary("f(a))")).toBe(false);
    expect(endsAtNaturalBoundary("if it's onl")).toBe(false);
  });
});
