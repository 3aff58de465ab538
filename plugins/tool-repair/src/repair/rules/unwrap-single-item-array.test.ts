import { describe, expect, it } from "vitest";
import { unwrapSingleItemArray } from "./unwrap-single-item-array.js";

describe("unwrapSingleItemArray", () => {
  it("unwraps one-item arrays", () => {
    expect(unwrapSingleItemArray(["a.py"])).toEqual({ item: "a.py" });
    expect(unwrapSingleItemArray([null])).toEqual({ item: null });
  });

  it("refuses other lengths and non-arrays", () => {
    expect(unwrapSingleItemArray([])).toBeUndefined();
    expect(unwrapSingleItemArray([1, 2])).toBeUndefined();
    expect(unwrapSingleItemArray("a")).toBeUndefined();
  });
});
