import { describe, expect, it } from "vitest";
import { describeToolCall } from "./describe-tool-call.js";

describe("describeToolCall", () => {
  it("names the tool and what it touches", () => {
    expect(describeToolCall("edit", { path: "src/a.ts", old_string: "x", new_string: "y" })).toBe("edit src/a.ts");
    expect(describeToolCall("bash", { command: "npm test", timeout: 60_000 })).toBe("bash npm test");
    expect(describeToolCall("glob", { pattern: "src/**/*.ts" })).toBe("glob src/**/*.ts");
  });

  it("quotes a grep pattern and says where it searches", () => {
    expect(describeToolCall("grep", { pattern: "TODO", path: "src" })).toBe('grep "TODO" in src');
  });

  it("keeps a multi-line command on one line and clips long ones", () => {
    expect(describeToolCall("bash", { command: "cd src\nls" })).toBe("bash cd src ⏎ ls");
    const long = describeToolCall("bash", { command: "x".repeat(300) });
    expect(long.length).toBeLessThanOrEqual(105);
    expect(long.endsWith("…")).toBe(true);
  });

  it("falls back to compact JSON, or the bare name without arguments", () => {
    expect(describeToolCall("custom", { depth: 2 })).toBe('custom {"depth":2}');
    expect(describeToolCall("ls", {})).toBe("ls");
    expect(describeToolCall("todo", { todos: [{}, {}] })).toBe("todo (2 items)");
  });
});
