import { ModelRegistry } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { costReport, usageCost } from "./cost-report.js";
import { addUsage, type UsageTotals } from "./usage-totals.js";

function registry(): ModelRegistry {
  const models = new ModelRegistry();
  const base = { family: "x", contextWindow: 100_000, maxOutputTokens: 8_000, toolCalls: true, reasoning: "none" as const, reasoningReplay: "drop" as const };
  models.define({ id: "priced", ...base, pricing: { input: 1, output: 4, cachedInput: 0.1 } });
  models.define({ id: "unpriced", ...base });
  return models;
}

describe("usageCost", () => {
  it("charges cached prompt tokens at the cached price and the rest at the input price", () => {
    const totals = addUsage({}, "priced", "g", { inputTokens: 1_000_000, outputTokens: 250_000, cachedInputTokens: 600_000 });
    // 400k × $1 + 600k × $0.10 + 250k × $4, per million
    expect(usageCost(totals["priced @ g"]!, registry())).toBeCloseTo(0.4 + 0.06 + 1, 10);
  });

  it("is undefined without prices", () => {
    const totals = addUsage({}, "unpriced", "g", { inputTokens: 10, outputTokens: 1 });
    expect(usageCost(totals["unpriced @ g"]!, registry())).toBeUndefined();
  });
});

describe("costReport", () => {
  it("has one row per model @ gateway and a total", () => {
    let totals: UsageTotals = {};
    totals = addUsage(totals, "priced", "fireworks", { inputTokens: 12_000, outputTokens: 1_000, cachedInputTokens: 8_000 });
    totals = addUsage(totals, "priced", "fireworks", { inputTokens: 14_000, outputTokens: 500, cachedInputTokens: 12_000 });
    totals = addUsage(totals, "unpriced", "groq", { inputTokens: 5_000, outputTokens: 200 });
    const report = costReport(totals, registry());
    expect(report.rows.map((row) => row.cells)).toEqual([
      ["priced @ fireworks", "2", "26k", "20k", "1.5k", "$0.0140"],
      ["unpriced @ groq", "1", "5k", "?", "200", "n/a"],
      ["total", "3", "31k", "20k+?", "1.7k", "≥ $0.0140"],
    ]);
    expect(report.notes).toEqual([
      "cached per request, priced @ fireworks (latest last): 8k / 12k · 12k / 14k",
      "cached per request, unpriced @ groq (latest last): ? / 5k",
      "n/a: the model registry lists no prices for that model",
      "?: the gateway did not report cached tokens for some requests",
    ]);
  });

  it("says so when nothing was sent yet", () => {
    expect(costReport({}, registry()).title).toBe("cost · no requests yet");
  });
});
