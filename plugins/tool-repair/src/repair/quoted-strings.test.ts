import { describe, expect, it } from "vitest";
import { findQuotedStrings } from "./quoted-strings.js";

describe("findQuotedStrings", () => {
  it("finds double- and single-quoted strings, skipping escaped quotes", () => {
    const text = String.raw`{"a": "x\"y", 'b': 'it\'s "q"'}`;
    expect(findQuotedStrings(text).map(({ open, close }) => text.slice(open, close + 1))).toEqual([`"a"`, String.raw`"x\"y"`, `'b'`, String.raw`'it\'s "q"'`]);
  });

  it("treats an apostrophe that cannot start a value as text", () => {
    expect(findQuotedStrings("{a: don't}")).toEqual([]);
  });

  it("reports a string that never closes as ending at the text's end", () => {
    expect(findQuotedStrings(`{"a": "cut`)).toEqual([
      { open: 1, close: 3, quote: '"' },
      { open: 6, close: 10, quote: '"' },
    ]);
  });
});
