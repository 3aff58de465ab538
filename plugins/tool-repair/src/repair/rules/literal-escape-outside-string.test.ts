import { describe, expect, it } from "vitest";
import { replaceLiteralEscapesOutsideStrings } from "./literal-escape-outside-string.js";

describe("replaceLiteralEscapesOutsideStrings", () => {
  it("turns \\n between tokens into whitespace, leaving strings alone", () => {
    const fixed = replaceLiteralEscapesOutsideStrings(String.raw`{\n  "a": "x\ny"\n}`);
    expect(JSON.parse(fixed ?? "")).toEqual({ a: "x\ny" });
  });

  it("returns null when there are none", () => {
    expect(replaceLiteralEscapesOutsideStrings(String.raw`{"a": "x\n"}`)).toBeNull();
  });
});

describe("replaceLiteralEscapesOutsideStrings in single-quoted strings", () => {
  it("leaves escapes inside '…' strings as they are", () => {
    expect(replaceLiteralEscapesOutsideStrings(String.raw`{'content': 'a\nb "q" \tc'}`)).toBeNull();
    expect(replaceLiteralEscapesOutsideStrings(String.raw`{\n'content': 'a\nb'}`)).toBe(String.raw`{ 'content': 'a\nb'}`);
  });
});
