import { describe, expect, it } from "vitest";
import { parseJsonString } from "./parse-json-string.js";

describe("parseJsonString", () => {
  it("parses JSON and Python reprs of the wanted kind", () => {
    expect(parseJsonString('[{"op":"init"}]', "array")).toEqual([{ op: "init" }]);
    expect(parseJsonString("['python', 'tutorial']", "array")).toEqual(["python", "tutorial"]);
    expect(parseJsonString(' {"k": 1} ', "object")).toEqual({ k: 1 });
  });

  it("returns undefined for the other kind or for text that is not JSON", () => {
    expect(parseJsonString('{"k": 1}', "array")).toBeUndefined();
    expect(parseJsonString("[1, 2]", "object")).toBeUndefined();
    expect(parseJsonString("hello", "array")).toBeUndefined();
  });
});
