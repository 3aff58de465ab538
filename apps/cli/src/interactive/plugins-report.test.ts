import { describe, expect, it } from "vitest";
import { pluginsReport } from "./plugins-report.js";

describe("pluginsReport", () => {
  it("lists each plugin with its state and where it was configured", () => {
    const report = pluginsReport([
      { name: "model-id", description: "canonical ids", enabled: true, options: {}, source: "@bridle/preset-default" },
      { name: "compaction", description: "context engine", enabled: false, options: {}, source: "bridle.config.json" },
    ]);
    expect(report.title).toBe("plugins · 1 of 2 enabled");
    expect(report.rows).toEqual([
      { cells: ["model-id", "enabled", "@bridle/preset-default", "canonical ids"], tone: "normal" },
      { cells: ["compaction", "disabled", "bridle.config.json", "context engine"], tone: "dim" },
    ]);
  });

  it("says when none is loaded", () => {
    expect(pluginsReport([]).title).toBe("plugins · none loaded");
  });
});
