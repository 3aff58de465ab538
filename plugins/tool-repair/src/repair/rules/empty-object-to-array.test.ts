import { describe, expect, it } from "vitest";
import { emptyObjectToArray } from "./empty-object-to-array.js";

describe("emptyObjectToArray", () => {
  it("turns {} into []", () => {
    expect(emptyObjectToArray({})).toEqual([]);
  });

  it("refuses non-empty objects and other values", () => {
    expect(emptyObjectToArray({ a: 1 })).toBeUndefined();
    expect(emptyObjectToArray([])).toBeUndefined();
    expect(emptyObjectToArray("")).toBeUndefined();
  });
});
