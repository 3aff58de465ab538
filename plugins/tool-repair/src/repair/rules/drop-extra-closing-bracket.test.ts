import { describe, expect, it } from "vitest";
import { dropExtraClosingBrackets } from "./drop-extra-closing-bracket.js";

describe("dropExtraClosingBrackets", () => {
  it("removes closers that close nothing", () => {
    expect(dropExtraClosingBrackets('{"a": 1}}')).toBe('{"a": 1}');
    expect(dropExtraClosingBrackets('{"a": [1]}]}')).toBe('{"a": [1]}');
  });

  it("ignores brackets inside strings and balanced text", () => {
    expect(dropExtraClosingBrackets('{"a": "}}"}')).toBeNull();
    expect(dropExtraClosingBrackets('{"a": 1}')).toBeNull();
  });
});
