import { describe, expect, it } from "vitest";
import { readInvokeCall, readInvokeElements } from "./read-invoke-elements.js";

describe("readInvokeElements", () => {
  it("reads closed invokes up to the limit and stops at one that is not closed", () => {
    const text = `<invoke name="a">x</invoke> <invoke name="b">y</invoke><invoke name="c">cut`;
    expect(readInvokeElements(text, 0, text.length, "<invoke", "</invoke>")).toEqual([
      { header: ` name="a"`, body: "x" },
      { header: ` name="b"`, body: "y" },
    ]);
    expect(readInvokeElements(text, 0, 15, "<invoke", "</invoke>")).toEqual([]);
  });
});

describe("readInvokeCall", () => {
  it("reads the name and the named parameters with the grammar's value reader", () => {
    const grammar = { parameterOpen: "<p", parameterClose: "</p>", readValue: (text: string, attributes: Record<string, string>) => (attributes["json"] === "1" ? JSON.parse(text) : text) };
    expect(readInvokeCall({ header: ` name="edit"`, body: `<p name="path">a.txt</p><p>skipped</p><p name="n" json="1">3</p>` }, grammar)).toEqual({ name: "edit", arguments: { path: "a.txt", n: 3 } });
    expect(readInvokeCall({ header: ` name="not a name!"`, body: "" }, grammar)).toBeUndefined();
  });
});
