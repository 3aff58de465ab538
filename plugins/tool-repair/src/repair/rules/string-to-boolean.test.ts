import { describe, expect, it } from "vitest";
import { stringToBoolean } from "./string-to-boolean.js";

describe("stringToBoolean", () => {
  it("reads JSON and Python spellings", () => {
    expect(stringToBoolean("true")).toBe(true);
    expect(stringToBoolean("False")).toBe(false);
    expect(stringToBoolean(" TRUE ")).toBe(true);
  });

  it("refuses anything else", () => {
    expect(stringToBoolean("yes")).toBeUndefined();
    expect(stringToBoolean("1")).toBeUndefined();
  });
});
