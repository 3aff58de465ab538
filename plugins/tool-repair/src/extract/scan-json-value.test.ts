import { describe, expect, it } from "vitest";
import { readJsonValue, scanJsonValue } from "./scan-json-value.js";

describe("scanJsonValue", () => {
  it("finds where a complete value ends, strings and nesting included", () => {
    const text = '{"a": [1, {"b": "}]\\""}], "c": null} tail';
    expect(scanJsonValue(text, 0)).toEqual({ status: "complete", end: text.indexOf(" tail") });
    expect(scanJsonValue("  [ ] x", 0)).toEqual({ status: "complete", end: 5 });
  });

  it("says incomplete for every proper prefix of a value", () => {
    const text = '{"n": -12.5e+3, "t": true, "s": "x\\"y", "l": [false, null, {}]}';
    for (let cut = 1; cut < text.length; cut++) {
      expect(scanJsonValue(text.slice(0, cut), 0), text.slice(0, cut)).toEqual({ status: "incomplete" });
    }
    expect(scanJsonValue(text, 0)).toEqual({ status: "complete", end: text.length });
  });

  it("says invalid where the text stops being JSON", () => {
    expect(scanJsonValue("{invalid json}", 0)).toEqual({ status: "invalid", at: 1 });
    expect(scanJsonValue('{"a": 1,}', 0)).toEqual({ status: "invalid", at: 8 });
    expect(scanJsonValue('{"a" 1}', 0)).toEqual({ status: "invalid", at: 5 });
    expect(scanJsonValue("[tru]", 0)).toEqual({ status: "invalid", at: 1 });
    expect(scanJsonValue("{{", 0)).toEqual({ status: "invalid", at: 1 });
  });
});

describe("readJsonValue", () => {
  it("returns the parsed value and its end, or why there is none", () => {
    expect(readJsonValue('x {"a": [1]} y', 2)).toEqual({ status: "complete", value: { a: [1] }, end: 12 });
    expect(readJsonValue('{"a": ', 0)).toEqual({ status: "incomplete" });
    expect(readJsonValue("{a}", 0)).toEqual({ status: "invalid" });
  });
});
