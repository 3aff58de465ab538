import { describe, expect, it } from "vitest";
import { readParameterElements } from "./read-parameter-elements.js";

describe("readParameterElements", () => {
  it("reads each element's attributes and raw text, in order", () => {
    const body = '<parameter name="path">src/a.ts</parameter>\n<parameter name="limit" string="false">20</parameter>';
    expect(readParameterElements(body, "<parameter", "</parameter>")).toEqual([
      { attributes: { name: "path" }, text: "src/a.ts" },
      { attributes: { name: "limit", string: "false" }, text: "20" },
    ]);
  });

  it("stops at an element that is not closed", () => {
    const body = '<parameter name="a">1</parameter><parameter name="b">2';
    expect(readParameterElements(body, "<parameter", "</parameter>")).toEqual([{ attributes: { name: "a" }, text: "1" }]);
  });
});
