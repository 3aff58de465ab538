import { describe, expect, it } from "vitest";
import { compactDiff } from "./compact-diff.js";

const header = "===================================================================\n--- a/src/a.ts\n+++ b/src/a.ts\n";

describe("compactDiff", () => {
  it("drops file headers and classifies the lines", () => {
    const { lines, hidden } = compactDiff(`${header}@@ -1,3 +1,3 @@\n one\n-two\n+TWO\n three\n`);
    expect(lines.map((line) => line.kind)).toEqual(["hunk", "context", "remove", "add", "context"]);
    expect(hidden).toBe(0);
  });

  it("caps the lines and counts the rest, including what the tool already cut", () => {
    const body = Array.from({ length: 30 }, (_, index) => `+line ${index}`).join("\n");
    const { lines, hidden } = compactDiff(`${header}@@ -0,0 +1,30 @@\n${body}\n… 40 more diff lines`, 12);
    expect(lines).toHaveLength(12);
    expect(hidden).toBe(31 - 12 + 40);
  });
});
