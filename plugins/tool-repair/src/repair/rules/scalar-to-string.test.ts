import { describe, expect, it } from "vitest";
import { scalarToString } from "./scalar-to-string.js";

describe("scalarToString", () => {
  it("writes numbers and booleans as strings", () => {
    expect(scalarToString(4)).toBe("4");
    expect(scalarToString(1.5)).toBe("1.5");
    expect(scalarToString(false)).toBe("false");
  });

  it("refuses other values", () => {
    expect(scalarToString(null)).toBeUndefined();
    expect(scalarToString({})).toBeUndefined();
  });
});
