import { describe, expect, it } from "vitest";
import { isNullString } from "./string-to-null.js";

describe("isNullString", () => {
  it("recognizes null and None", () => {
    expect(isNullString("null")).toBe(true);
    expect(isNullString(" None ")).toBe(true);
  });

  it("refuses other strings", () => {
    expect(isNullString("")).toBe(false);
    expect(isNullString("nil")).toBe(false);
    expect(isNullString("NULL value")).toBe(false);
  });
});
