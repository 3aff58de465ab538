import { describe, expect, it } from "vitest";
import { compactionThresholds, planCompaction } from "./plan-compaction.js";

const tiers = { tier1: 0.5, tier2: 0.75, tier3: 0.9, target: 0.4 };

describe("compactionThresholds", () => {
  it("turns fractions into token counts of the window", () => {
    expect(compactionThresholds({ window: 1_000_000, reserve: 16_000, ...tiers })).toEqual({
      window: 1_000_000,
      reserve: 16_000,
      tier1: 500_000,
      tier2: 750_000,
      tier3: 900_000,
      limit: 984_000,
      target: 400_000,
    });
  });

  it("never lets tier 3 pass window minus reserve", () => {
    const thresholds = compactionThresholds({ window: 128_000, reserve: 32_000, ...tiers });
    expect(thresholds.tier3).toBe(96_000);
    expect(thresholds.tier2).toBe(96_000);
    expect(thresholds.limit).toBe(96_000);
  });

  it("caps the reserve at half a small window", () => {
    expect(compactionThresholds({ window: 8000, reserve: 16_000, ...tiers }).reserve).toBe(4000);
  });
});

describe("planCompaction", () => {
  // 200k window: tier 1 100k, tier 2 150k, tier 3 180k, target 80k.
  const thresholds = compactionThresholds({ window: 200_000, reserve: 16_000, ...tiers });

  it("does nothing below tier 1, however much could be pruned", () => {
    expect(planCompaction({ used: 99_000, thresholds, prunable: { soft: 90_000, hard: 90_000 } })).toEqual({ action: "none", tier: 0 });
  });

  it("prunes at tier 1 only when that gets down to the target (compact rarely and by a lot)", () => {
    expect(planCompaction({ used: 110_000, thresholds, prunable: { soft: 30_000, hard: 40_000 } })).toEqual({ action: "prune", tier: 1 });
    expect(planCompaction({ used: 110_000, thresholds, prunable: { soft: 20_000, hard: 40_000 } }).action).toBe("none");
  });

  it("prunes hard at tier 2 only when that gets below tier 1", () => {
    expect(planCompaction({ used: 160_000, thresholds, prunable: { soft: 5_000, hard: 60_000 } })).toEqual({ action: "prune-hard", tier: 2 });
    expect(planCompaction({ used: 160_000, thresholds, prunable: { soft: 5_000, hard: 50_000 } }).action).toBe("none");
  });

  it("at tier 3 summarizes unless a hard prune alone reaches the target", () => {
    expect(planCompaction({ used: 185_000, thresholds, prunable: { soft: 0, hard: 30_000 } })).toEqual({ action: "summarize", tier: 3 });
    expect(planCompaction({ used: 185_000, thresholds, prunable: { soft: 0, hard: 110_000 } })).toEqual({ action: "prune-hard", tier: 3 });
  });

  it("a forced compaction acts as tier 3 even below tier 1", () => {
    expect(planCompaction({ used: 10_000, thresholds, prunable: { soft: 0, hard: 0 }, forced: true })).toEqual({ action: "prune-hard", tier: 3 });
    expect(planCompaction({ used: 150_000, thresholds, prunable: { soft: 0, hard: 1000 }, forced: true })).toEqual({ action: "summarize", tier: 3 });
  });
});
