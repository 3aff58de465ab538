import { describe, expect, it } from "vitest";
import { outputReserve } from "./output-reserve.js";

describe("outputReserve", () => {
  it("scales with a small window instead of reserving most of it", () => {
    expect(outputReserve({ contextWindow: 32_768, maxOutputTokens: 32_768 })).toBe(8_192);
    expect(outputReserve({ contextWindow: 8_192, maxOutputTokens: 8_192 })).toBe(2_048);
  });

  it("keeps the request's own output on large windows, within the model's real maximum", () => {
    expect(outputReserve({ contextWindow: 1_048_576, maxOutputTokens: 65_536 })).toBe(32_000);
    expect(outputReserve({ contextWindow: 262_144, maxOutputTokens: 16_384 })).toBe(16_384);
    expect(outputReserve({ contextWindow: 262_144, maxOutputTokens: 65_536 }, 4_000)).toBe(4_000);
  });
});
