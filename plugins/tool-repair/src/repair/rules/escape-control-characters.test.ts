import { describe, expect, it } from "vitest";
import { escapeControlCharacters } from "./escape-control-characters.js";

describe("escapeControlCharacters", () => {
  it("escapes raw newlines, tabs and other control characters inside strings only", () => {
    const fixed = escapeControlCharacters('{\n "a": "line1\nline2\tend\u0001"\n}');
    expect(fixed).toBe('{\n "a": "line1\\nline2\\tend\\u0001"\n}');
    expect(JSON.parse(fixed ?? "")).toEqual({ a: "line1\nline2\tend\u0001" });
  });

  it("returns null when strings hold none", () => {
    expect(escapeControlCharacters('{\n "a": "b\\n"\n}')).toBeNull();
  });
});
