import { describe, expect, it } from "vitest";
import { objectToString } from "./object-to-string.js";

describe("objectToString", () => {
  it("serializes objects compactly", () => {
    expect(objectToString({ "<key>": "<old>" })).toBe('{"<key>":"<old>"}');
    expect(objectToString({ a: [1, { b: null }] })).toBe('{"a":[1,{"b":null}]}');
  });

  it("refuses arrays, null and scalars", () => {
    expect(objectToString([1])).toBeUndefined();
    expect(objectToString(null)).toBeUndefined();
    expect(objectToString("x")).toBeUndefined();
  });
});
