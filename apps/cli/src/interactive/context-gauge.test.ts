import { describe, expect, it } from "vitest";
import { contextGauge } from "./context-gauge.js";

describe("contextGauge", () => {
  it("shows used/window, the percentage and a bar", () => {
    const gauge = contextGauge(12_345, 262_144);
    expect(gauge.text).toBe("ctx 12.3k/262k 5% ▰▱▱▱▱▱▱▱▱▱");
    expect(gauge.percent).toBe(5);
    expect(gauge.level).toBe("low");
  });

  it("fills at least one cell once anything is in the context, none when empty", () => {
    expect(contextGauge(10, 1_000_000).text.endsWith("▰▱▱▱▱▱▱▱▱▱")).toBe(true);
    expect(contextGauge(0, 1_000_000).text.endsWith("▱▱▱▱▱▱▱▱▱▱")).toBe(true);
  });

  it("goes to medium at half and high at three quarters, and caps the bar when over", () => {
    expect(contextGauge(50_000, 100_000).level).toBe("medium");
    expect(contextGauge(80_000, 100_000).level).toBe("high");
    const over = contextGauge(150_000, 100_000);
    expect(over.percent).toBe(150);
    expect(over.text.endsWith("▰".repeat(10))).toBe(true);
  });
});
