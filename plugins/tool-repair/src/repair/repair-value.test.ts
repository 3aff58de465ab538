import { describe, expect, it } from "vitest";
import { RepairRecorder } from "./repair-recorder.js";
import { repairObject, repairValue } from "./repair-value.js";
import { compileSchema } from "./schema/compile-schema.js";

describe("repairValue", () => {
  it("returns an accepted value itself", () => {
    const value = { a: [1] };
    const recorder = new RepairRecorder();
    expect(repairValue(value, compileSchema({ type: "object", properties: { a: { type: "array" } } }), recorder, "full")).toBe(value);
    expect(recorder.rules).toEqual([]);
  });

  it("keeps the first conversion that validates, recording only it", () => {
    const recorder = new RepairRecorder();
    expect(repairValue("[1, 2]", compileSchema({ type: ["array", "integer"] }), recorder, "full")).toEqual([1, 2]);
    expect(recorder.rules).toEqual(["parse-json-string"]);
  });

  it("picks the union branch an object fits", () => {
    const schema = compileSchema({
      anyOf: [
        { type: "object", properties: { url: { type: "string" } }, required: ["url"] },
        { type: "object", properties: { path: { type: "string" }, line: { type: "integer" } }, required: ["path"] },
      ],
    });
    expect(repairValue({ path: "a", line: "3" }, schema, new RepairRecorder(), "full")).toEqual({ path: "a", line: 3 });
  });

  it("only removes markup in debris mode", () => {
    const schema = compileSchema({ type: "object", properties: { n: { type: "integer" }, s: { type: "string" } } });
    expect(repairValue({ n: "1", s: "x</parameter>" }, schema, new RepairRecorder(), "debris")).toEqual({ n: "1", s: "x" });
  });
});

describe("repairObject", () => {
  it("does not rename when two keys claim one property", () => {
    const schema = compileSchema({ type: "object", properties: { path: { type: "string" } }, additionalProperties: false });
    const recorder = new RepairRecorder();
    expect(repairObject({ file: "a", filename: "b" }, schema, recorder, "full")).toEqual({});
    expect(recorder.rules).toEqual(["drop-unknown-key"]);
  });
});
