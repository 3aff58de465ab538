import { describe, expect, it } from "vitest";
import { scanJsonText } from "./scan-json-text.js";

describe("scanJsonText", () => {
  it("finds complete top-level values and stray closers", () => {
    const scan = scanJsonText('{"a":"}"} [1] }');
    expect(scan.complete).toEqual([
      [0, 9],
      [10, 13],
    ]);
    expect(scan.strayClosers).toEqual([14]);
  });

  it("tells how cut-off text ends", () => {
    expect(scanJsonText('{"a": "xy')).toMatchObject({ inString: true, stringIsKey: false, currentKey: "a", stack: ["{"] });
    expect(scanJsonText('{"a": 1, "b')).toMatchObject({ inString: true, stringIsKey: true, currentKey: "b" });
    expect(scanJsonText('{"a": [1, 2')).toMatchObject({ lastToken: "literal", trailingLiteral: "2", stack: ["{", "["] });
    expect(scanJsonText('{"a":')).toMatchObject({ lastToken: "colon", currentKey: "a" });
  });

  it("treats single quotes as string delimiters only where a string may start", () => {
    expect(scanJsonText("{'a': 'it''s'}").stack).toEqual([]);
    expect(scanJsonText("{'a': '}'}").complete).toEqual([[0, 10]]);
  });
});
