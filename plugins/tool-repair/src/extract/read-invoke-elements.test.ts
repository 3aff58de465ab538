import { describe, expect, it } from "vitest";
import { readInvokeElements } from "./read-invoke-elements.js";

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
