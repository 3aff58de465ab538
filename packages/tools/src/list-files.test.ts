import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { listFiles } from "./list-files.js";
import { createTempWorkspace, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

describe("listFiles", () => {
  it("applies .gitignore at every level, negations included, and skips .git and node_modules", async () => {
    workspace.write(".gitignore", "dist/\n*.log\n!keep.log\n");
    workspace.write("src/a.ts", "");
    workspace.write("src/b.log", "");
    workspace.write("src/keep.log", "");
    workspace.write("dist/x.js", "");
    workspace.write("src/sub/.gitignore", "gen.ts\n");
    workspace.write("src/sub/gen.ts", "");
    workspace.write("src/sub/real.ts", "");
    workspace.write("node_modules/m/i.js", "");
    workspace.write(".git/HEAD", "");
    workspace.write(".git/info/exclude", "local-only.txt\n");
    workspace.write("local-only.txt", "");
    workspace.write(".env", "");
    expect(await listFiles(workspace.root)).toEqual([
      ".env",
      ".gitignore",
      "src/a.ts",
      "src/keep.log",
      "src/sub/.gitignore",
      "src/sub/real.ts",
    ]);
  });

  it("applies the workspace's .gitignore when listing a subdirectory", async () => {
    workspace.write(".gitignore", "src/generated/\n");
    workspace.write("src/generated/x.ts", "");
    workspace.write("src/y.ts", "");
    expect(await listFiles(path.join(workspace.root, "src"), { workspace: workspace.root })).toEqual(["y.ts"]);
  });

  it("lists ignored files when asked not to honour .gitignore", async () => {
    workspace.write(".gitignore", "*.log\n");
    workspace.write("a.log", "");
    expect(await listFiles(workspace.root, { gitignore: false })).toEqual([".gitignore", "a.log"]);
  });

  it("does not follow symbolic links", async () => {
    fs.writeFileSync(path.join(workspace.outside, "outside.txt"), "");
    fs.symlinkSync(workspace.outside, path.join(workspace.root, "out"));
    workspace.write("in.txt", "");
    expect(await listFiles(workspace.root)).toEqual(["in.txt"]);
  });
});
