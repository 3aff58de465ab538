import { describe, expect, it } from "vitest";
import { contextReport } from "./context-report.js";
import type { ContextMeasure } from "./measure-context.js";

function measure(parts: { system: number; tools: number; messages: number; toolResults: number }, reservedOutput: number, contextWindow: number): ContextMeasure {
  return {
    model: "small-32k",
    gateway: "sim",
    breakdown: { ...parts, total: parts.system + parts.tools + parts.messages + parts.toolResults },
    reservedOutput,
    limits: { contextWindow, maxOutputTokens: 32_768, source: "registry" },
  };
}

describe("contextReport", () => {
  it("shows what a 32k window really has free, with a reserve scaled to it", () => {
    const report = contextReport(measure({ system: 1_200, tools: 900, messages: 150, toolResults: 0 }, 8_192, 32_768));
    expect(report.title).toContain("2.25k of 32.7k used (6.9%)");
    const free = report.rows.find((row) => row.cells[0] === "free");
    expect(free?.cells[1]).toBe((32_768 - 2_250 - 8_192).toLocaleString("en-US"));
    expect(report.notes?.some((note) => note.includes("over the window"))).toBe(false);
  });

  it("advises /compact only when the conversation holds what is over", () => {
    const compactable = contextReport(measure({ system: 1_200, tools: 900, messages: 20_000, toolResults: 4_000 }, 8_192, 32_768));
    expect(compactable.notes?.find((note) => note.startsWith("over the window"))).toMatch(/by 1,524 tokens: \/compact summarizes/);
    const fixed = contextReport(measure({ system: 20_000, tools: 6_000, messages: 100, toolResults: 0 }, 8_192, 32_768));
    expect(fixed.notes?.find((note) => note.startsWith("over the window"))).toMatch(/alone take 34,192 of 32,768, so compacting cannot make it fit: switch to a model with a larger window \(\/model\)/);
  });
});
