import { describe, expect, it } from "vitest";
import { toolCallFingerprint } from "./tool-call-fingerprint.js";

describe("toolCallFingerprint", () => {
  it("ignores key order, whitespace and name case", () => {
    expect(toolCallFingerprint({ name: "Read", arguments: '{"b": 1, "a": [2]}' })).toBe(toolCallFingerprint({ name: "read", arguments: '{"a":[2],"b":1}' }));
    expect(toolCallFingerprint({ name: "read", arguments: { a: 1 } })).toBe(toolCallFingerprint({ name: "read", arguments: '{"a":1}' }));
    expect(toolCallFingerprint({ name: "read", arguments: "" })).toBe(toolCallFingerprint({ name: "read", arguments: null }));
    expect(toolCallFingerprint({ name: "read", arguments: '{"a": 1' })).toBe(toolCallFingerprint({ name: "read", arguments: '{"a":   1' }));
  });

  it("differs for different names or arguments", () => {
    expect(toolCallFingerprint({ name: "read", arguments: '{"a":1}' })).not.toBe(toolCallFingerprint({ name: "read", arguments: '{"a":2}' }));
    expect(toolCallFingerprint({ name: "read", arguments: '{"a":1}' })).not.toBe(toolCallFingerprint({ name: "write", arguments: '{"a":1}' }));
  });
});
