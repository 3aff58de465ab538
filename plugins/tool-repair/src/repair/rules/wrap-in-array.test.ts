import { describe, expect, it } from "vitest";
import { wrapInArray } from "./wrap-in-array.js";

describe("wrapInArray", () => {
  it("wraps a single value", () => {
    expect(wrapInArray("a.py")).toEqual(["a.py"]);
    expect(wrapInArray({ a: 1 })).toEqual([{ a: 1 }]);
    expect(wrapInArray(0)).toEqual([0]);
  });

  it("refuses null and arrays", () => {
    expect(wrapInArray(null)).toBeUndefined();
    expect(wrapInArray([1])).toBeUndefined();
  });
});
