import { describe, expect, it } from "vitest";
import { compileSchema } from "../schema/compile-schema.js";
import { isNullForOptional } from "./drop-null-optional.js";

describe("isNullForOptional", () => {
  it("is true only for null on an optional, non-nullable property", () => {
    expect(isNullForOptional(null, false, compileSchema({ type: "integer" }))).toBe(true);
    expect(isNullForOptional(null, true, compileSchema({ type: "integer" }))).toBe(false);
    expect(isNullForOptional(null, false, compileSchema({ type: ["integer", "null"] }))).toBe(false);
    expect(isNullForOptional(null, false, compileSchema({ anyOf: [{ type: "string" }, { type: "null" }] }))).toBe(false);
    expect(isNullForOptional(0, false, compileSchema({ type: "integer" }))).toBe(false);
  });
});
