import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { writeFileAtomic } from "./atomic-write.js";
import { createTempWorkspace, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

describe("writeFileAtomic", () => {
  it("replaces content and keeps the mode", async () => {
    const full = workspace.write("f.txt", "old");
    fs.chmodSync(full, 0o640);
    await writeFileAtomic(full, "new");
    expect(fs.readFileSync(full, "utf8")).toBe("new");
    expect(fs.statSync(full).mode & 0o777).toBe(0o640);
  });

  it("leaves the target untouched and no temporary file when the final rename fails", async () => {
    // A non-empty directory cannot be replaced by rename, so the write fails at its last step.
    const target = path.join(workspace.root, "occupied");
    fs.mkdirSync(target);
    fs.writeFileSync(path.join(target, "inside.txt"), "keep");
    await expect(writeFileAtomic(target, "data")).rejects.toThrow();
    expect(fs.readdirSync(workspace.root)).toEqual(["occupied"]);
    expect(fs.readFileSync(path.join(target, "inside.txt"), "utf8")).toBe("keep");
  });
});
