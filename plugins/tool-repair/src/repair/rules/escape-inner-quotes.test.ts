import { describe, expect, it } from "vitest";
import { escapeInnerQuotes } from "./escape-inner-quotes.js";

const KEYS = new Set(["path", "content"]);

describe("escapeInnerQuotes", () => {
  it("escapes quotes that cannot end a value", () => {
    const result = escapeInnerQuotes('{"path": "a.py", "content": "env.get("KEY", "default")"}', KEYS);
    expect(result).toEqual({ kind: "escaped", text: '{"path": "a.py", "content": "env.get(\\"KEY\\", \\"default\\")"}' });
    expect(JSON.parse((result as { text: string }).text)).toEqual({ path: "a.py", content: 'env.get("KEY", "default")' });
  });

  it("handles Python triple quotes and braces inside values", () => {
    const text = '{"content": "def f():\\n    """doc"""\\n", "path": "x = {"a": 1}"}';
    const result = escapeInnerQuotes(text, new Set(["content", "path"]));
    expect(result.kind).toBe("escaped");
    expect(JSON.parse((result as { text: string }).text)).toEqual({ content: 'def f():\n    """doc"""\n', path: 'x = {"a": 1}' });
  });

  it("reports a value that lost its closing quote before a known key", () => {
    expect(escapeInnerQuotes('{"path": "a.txt, "content": "b"}', KEYS)).toEqual({ kind: "lost-boundary", key: "content" });
    expect(escapeInnerQuotes('{"path": "a.txt, "other": "b"}', null)).toEqual({ kind: "lost-boundary", key: "other" });
  });

  it("leaves valid JSON, arrays of strings, single-quoted strings and cut text alone", () => {
    expect(escapeInnerQuotes('{"path": "a", "content": "b"}', KEYS).kind).toBe("unchanged");
    expect(escapeInnerQuotes('{"path": ["a", "b"]}', KEYS).kind).toBe("unchanged");
    expect(escapeInnerQuotes("{'path': 'say \"hi\"'}", KEYS).kind).toBe("unchanged");
    expect(escapeInnerQuotes('{"path": "a", "conte', KEYS).kind).toBe("unchanged");
  });
});
