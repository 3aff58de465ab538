import { describe, expect, it } from "vitest";
import { formatReportTable } from "./report.js";

describe("formatReportTable", () => {
  it("pads columns to their widest cell and right-aligns numbers", () => {
    const lines = formatReportTable({
      title: "t",
      columns: ["name", "tokens"],
      alignRight: [1],
      rows: [{ cells: ["system", "186"] }, { cells: ["tool results", "12,345"], tone: "warn" }],
    });
    expect(lines).toEqual([
      { text: "name          tokens", tone: "header" },
      { text: "system           186", tone: "normal" },
      { text: "tool results  12,345", tone: "warn" },
    ]);
  });

  it("draws a headerless table and nothing for no rows", () => {
    expect(formatReportTable({ title: "t", rows: [{ cells: ["/help", "this list"] }] })).toEqual([{ text: "/help  this list", tone: "normal" }]);
    expect(formatReportTable({ title: "t", rows: [] })).toEqual([]);
  });
});
