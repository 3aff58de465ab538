import { describe, expect, it } from "vitest";
import { mcpReport } from "./mcp-report.js";
import { formatReportTable } from "./report.js";

describe("mcpReport", () => {
  it("lists servers with state and tools, per-tool counts once used, and why a server is down", () => {
    const report = mcpReport([
      { name: "files", transport: "stdio", state: "ready", tools: ["files__read", "files__write"], calls: { files__read: { calls: 3, errors: 1, repaired: 1 }, files__write: { calls: 0, errors: 0, repaired: 0 } } },
      { name: "web", transport: "http", state: "failed", tools: [], error: "did not start within 30000 ms" },
    ]);
    expect(report.title).toBe("mcp · 1 of 2 servers ready · 2 tools");
    expect(formatReportTable(report).map((line) => line.text)).toEqual([
      "server          transport  state   tools    notes",
      "files           stdio      ready   2 tools",
      "  files__read                               3 calls, 1 failed, 1 repaired",
      "  files__write",
      "web             http       failed  0 tools  did not start within 30000 ms",
    ]);
    expect(report.rows[3]!.tone).toBe("error");
  });

  it("says how to add a server when there is none", () => {
    expect(mcpReport([]).title).toBe("mcp · no servers configured");
  });
});
