import { describe, expect, it } from "vitest";
import { fixInvalidEscapes } from "./fix-invalid-escapes.js";

describe("fixInvalidEscapes", () => {
  it("makes every backslash of a raw Windows path literal", () => {
    const fixed = fixInvalidEscapes(String.raw`{"a": "C:\Users\new\table"}`);
    expect(JSON.parse(fixed ?? "")).toEqual({ a: String.raw`C:\Users\new\table` });
  });

  it("doubles only invalid escapes elsewhere, keeping real ones", () => {
    const fixed = fixInvalidEscapes(String.raw`{"code": "re.compile('\d+')\nprint(1)"}`);
    expect(JSON.parse(fixed ?? "")).toEqual({ code: "re.compile('\\d+')\nprint(1)" });
  });

  it("returns null when every escape is valid", () => {
    expect(fixInvalidEscapes(String.raw`{"a": "x\n\"y\"\u00e9"}`)).toBeNull();
    expect(fixInvalidEscapes(String.raw`{"a": "C:\\Users"}`)).toBeNull();
  });
});
