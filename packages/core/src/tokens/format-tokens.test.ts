import { describe, expect, it } from "vitest";
import { formatCount, formatTokens } from "./format-tokens.js";

describe("formatTokens", () => {
  it("keeps small counts exact and shortens large ones to three significant digits", () => {
    expect(formatTokens(0)).toBe("0");
    expect(formatTokens(950)).toBe("950");
    expect(formatTokens(1_234)).toBe("1.23k");
    expect(formatTokens(12_345)).toBe("12.3k");
    expect(formatTokens(262_144)).toBe("262k");
    expect(formatTokens(1_048_576)).toBe("1.04M");
  });

  it("never rounds a window up", () => {
    expect(formatTokens(131_072)).toBe("131k");
    expect(formatTokens(199_999)).toBe("199k");
    expect(formatTokens(9_999)).toBe("9.99k");
  });

  it("drops trailing zeros", () => {
    expect(formatTokens(2_000)).toBe("2k");
    expect(formatTokens(12_000)).toBe("12k");
  });
});

describe("formatCount", () => {
  it("separates thousands", () => {
    expect(formatCount(262_144)).toBe("262,144");
  });
});
