import { describe, expect, it } from "vitest";
import { dominantLineEnding, normalizeLineEndings, originalIndex } from "./line-endings.js";

describe("line endings", () => {
  it("maps normalized spans back to whole CRLF pairs", () => {
    const original = "ab\r\ncd\nef\r\n";
    const normalized = normalizeLineEndings(original);
    expect(normalized.text).toBe("ab\ncd\nef\n");
    const start = normalized.text.indexOf("\ncd");
    const end = normalized.text.indexOf("ef") + 3;
    expect(original.slice(originalIndex(normalized, start), originalIndex(normalized, end))).toBe("\r\ncd\nef\r\n");
    expect(originalIndex(normalized, 0)).toBe(0);
    expect(originalIndex(normalized, normalized.text.length)).toBe(original.length);
  });

  it("keeps lone carriage returns and finds the dominant ending", () => {
    expect(normalizeLineEndings("a\rb").text).toBe("a\rb");
    expect(dominantLineEnding("a\r\nb\r\nc\n")).toBe("\r\n");
    expect(dominantLineEnding("a\nb\r\nc\n")).toBe("\n");
    expect(dominantLineEnding("no newline")).toBe("\n");
  });
});
