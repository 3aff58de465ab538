import { describe, expect, it } from "vitest";
import { mcpToolName, TOOL_NAME_RULE } from "./mcp-tool-name.js";

describe("mcpToolName", () => {
  it("joins server and tool with __ and keeps names that already fit", () => {
    expect(mcpToolName("github", "create_issue", new Set())).toBe("github__create_issue");
    expect(mcpToolName("everything", "get-sum", new Set())).toBe("everything__get-sum");
  });

  it("replaces characters gateways reject, and stays within 64 characters", () => {
    const dotted = mcpToolName("docs", "search.pages/v2", new Set());
    expect(dotted).toBe("docs__search_pages_v2");
    const long = mcpToolName("server", "a".repeat(100), new Set());
    expect(long).toMatch(TOOL_NAME_RULE);
    expect(long).toHaveLength(64);
    expect(mcpToolName("server", "a".repeat(100), new Set())).toBe(long);
  });

  it("tells apart two tools that clean up to the same name, the same way every time", () => {
    const first = mcpToolName("s", "a.b", new Set());
    const second = mcpToolName("s", "a/b", new Set([first]));
    expect(first).toBe("s__a_b");
    expect(second).not.toBe(first);
    expect(second).toMatch(TOOL_NAME_RULE);
    expect(mcpToolName("s", "a/b", new Set([first]))).toBe(second);
  });
});
