import { describe, expect, it } from "vitest";
import { stripTextDebris } from "./strip-text-debris.js";

describe("stripTextDebris", () => {
  it("restores a key whose closing quote became a tag", () => {
    expect(stripTextDebris('{"path": "a", "offset</longcat_arg_key>: 600}')).toBe('{"path": "a", "offset": 600}');
    expect(stripTextDebris('{"path</arg_key>": "a"}')).toBe('{"path": "a"}');
  });

  it("removes wrapper markup and fences around the JSON", () => {
    expect(stripTextDebris('<tool_call>{"a": 1}</tool_call>')).toBe('{"a": 1}');
    expect(stripTextDebris('<|tool_call_argument_begin|>{"a": 1}<|tool_call_end|>')).toBe('{"a": 1}');
    expect(stripTextDebris('```json\n{"a": 1}\n```')).toBe('{"a": 1}');
  });

  it("returns null for clean text and leaves markup inside strings", () => {
    expect(stripTextDebris('{"a": "<b>x</b>"}')).toBeNull();
    expect(stripTextDebris("plain words")).toBeNull();
  });
});
