import { describe, expect, it } from "vitest";
import { mayBeSpreadEnvelope, readSpreadEnvelope } from "./unwrap-spread-envelope.js";

describe("readSpreadEnvelope", () => {
  it("reads {name, arguments}, {function: {...}} and tool_uses envelopes", () => {
    expect(readSpreadEnvelope({ name: "read", arguments: { path: "a" } })).toEqual([{ name: "read", arguments: { path: "a" } }]);
    expect(readSpreadEnvelope({ type: "function", function: { name: "read", arguments: '{"path":"a"}' } })).toEqual([{ name: "read", arguments: '{"path":"a"}' }]);
    expect(readSpreadEnvelope({ function: "read", args: { path: "a" } })).toEqual([{ name: "read", arguments: { path: "a" } }]);
    expect(readSpreadEnvelope({ tool_uses: [{ recipient_name: "functions.a", parameters: {} }, { recipient_name: "b", parameters: { x: 1 } }] })).toEqual([
      { name: "functions.a", arguments: {} },
      { name: "b", arguments: { x: 1 } },
    ]);
  });

  it("refuses objects that are more than an envelope", () => {
    expect(readSpreadEnvelope({ name: "read", arguments: {}, path: "a" })).toBeNull();
    expect(readSpreadEnvelope({ name: "read" })).toBeNull();
    expect(readSpreadEnvelope({ name: 5, arguments: {} })).toBeNull();
  });

  it("flags undeclared name keys cheaply", () => {
    expect(mayBeSpreadEnvelope({ name: "x" }, new Map())).toBe(true);
    expect(mayBeSpreadEnvelope({ name: "x" }, new Map([["name", 1]]))).toBe(false);
  });
});
