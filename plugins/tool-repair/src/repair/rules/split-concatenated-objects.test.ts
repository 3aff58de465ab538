import { describe, expect, it } from "vitest";
import { splitConcatenatedObjects } from "./split-concatenated-objects.js";

describe("splitConcatenatedObjects", () => {
  it("splits objects written back to back or separated by whitespace, commas, semicolons", () => {
    expect(splitConcatenatedObjects('{"a":1}{"a":2}')).toEqual(['{"a":1}', '{"a":2}']);
    expect(splitConcatenatedObjects('{"a":1}\n{"a":"}{"} ; {"a":3}')).toEqual(['{"a":1}', '{"a":"}{"}', '{"a":3}']);
  });

  it("keeps a last object that never closed", () => {
    expect(splitConcatenatedObjects('{"a":1}{"a":2')).toEqual(['{"a":1}', '{"a":2']);
  });

  it("returns null for one object or anything else between objects", () => {
    expect(splitConcatenatedObjects('{"a":1}')).toBeNull();
    expect(splitConcatenatedObjects('{"a":1} and {"a":2}')).toBeNull();
    expect(splitConcatenatedObjects('[1]{"a":2}')).toBeNull();
  });
});
