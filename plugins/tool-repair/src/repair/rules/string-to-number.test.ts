import { describe, expect, it } from "vitest";
import { stringToNumber } from "./string-to-number.js";

describe("stringToNumber", () => {
  it("reads numbers written as strings", () => {
    expect(stringToNumber("2490", true)).toBe(2490);
    expect(stringToNumber(" -1.5 ", false)).toBe(-1.5);
    expect(stringToNumber("1e3", true)).toBe(1000);
  });

  it("refuses fractions for integers and non-numbers", () => {
    expect(stringToNumber("2.5", true)).toBeUndefined();
    expect(stringToNumber("10px", false)).toBeUndefined();
    expect(stringToNumber("", false)).toBeUndefined();
    expect(stringToNumber("0x10", false)).toBeUndefined();
  });
});
