import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { OutputCollector } from "./output-collector.js";
import { createTempWorkspace, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

describe("OutputCollector", () => {
  it("keeps short output whole and writes no file", async () => {
    const spill = path.join(workspace.sessionDirectory, "out.log");
    const collector = new OutputCollector(100, spill);
    collector.append("hello ");
    collector.append("world");
    expect(await collector.finish()).toEqual({ text: "hello world", totalChars: 11, truncated: false });
    expect(fs.existsSync(spill)).toBe(false);
  });

  it("keeps the first third and the last two thirds and saves everything", async () => {
    const spill = path.join(workspace.sessionDirectory, "nested", "out.log");
    const collector = new OutputCollector(30, spill);
    const pieces = Array.from({ length: 50 }, (_, index) => `${index},`);
    for (const piece of pieces) collector.append(piece);
    const result = await collector.finish();
    const all = pieces.join("");
    expect(result.truncated).toBe(true);
    expect(result.totalChars).toBe(all.length);
    expect(result.text.startsWith(all.slice(0, 10))).toBe(true);
    expect(result.text.endsWith(all.slice(-20))).toBe(true);
    expect(result.text).toContain(`[… ${all.length - 30} characters omitted; full output saved to ${spill} …]`);
    expect(fs.readFileSync(spill, "utf8")).toBe(all);
  });

  it("still returns head and tail when the full output cannot be saved", async () => {
    const blocker = workspace.write("file-not-dir", "x");
    const collector = new OutputCollector(10, path.join(blocker, "out.log"));
    collector.append("a".repeat(20));
    collector.append("b".repeat(20));
    const result = await collector.finish();
    expect(result.truncated).toBe(true);
    expect(result.fullOutputPath).toBeUndefined();
    expect(result.text).toContain("the full output could not be saved");
    expect(result.text.endsWith("b".repeat(7))).toBe(true);
  });
});
