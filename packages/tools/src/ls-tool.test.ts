import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { limits } from "./limits.js";
import { createLsTool } from "./ls-tool.js";
import { createTempWorkspace, resultText, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
const ls = createLsTool();
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

const run = async (args: Record<string, unknown>) => resultText(await ls.run(args as never, workspace.context()));

describe("ls", () => {
  it("lists directories first, then files with sizes, leaving out .git and node_modules", async () => {
    workspace.write("README.md", "x".repeat(2048));
    workspace.write("a.txt", "hi");
    workspace.write("src/index.ts", "");
    workspace.write(".git/HEAD", "");
    workspace.write("node_modules/x/y.js", "");
    fs.symlinkSync(path.join(workspace.root, "src"), path.join(workspace.root, "source"));
    fs.symlinkSync(path.join(workspace.root, "missing"), path.join(workspace.root, "broken"));
    expect(await run({})).toBe(
      [
        "./ (5 entries)",
        "source/ -> " + path.join(workspace.root, "src"),
        "src/",
        "README.md  2.0 KB",
        "a.txt  2 B",
        "broken -> " + path.join(workspace.root, "missing") + " (broken link)",
        "(not listed: .git, node_modules)",
      ].join("\n"),
    );
  });

  it("lists a subdirectory, an empty one, and explains files and missing paths", async () => {
    workspace.write("src/a.ts", "12345");
    fs.mkdirSync(path.join(workspace.root, "empty"));
    expect(await run({ path: "src" })).toBe("src/ (1 entry)\na.ts  5 B");
    expect(await run({ path: "empty" })).toBe("empty/ (0 entries)\n(empty directory)");
    expect(await run({ path: "src/a.ts" })).toBe("src/a.ts is a file (5 B). Use read to see its content.");
    expect(await run({ path: "nope" })).toBe("Directory not found: nope.");
  });

  it("caps long listings", async () => {
    for (let index = 0; index < limits.lsEntries + 3; index += 1) workspace.write(`many/${index}.txt`, "");
    const text = await run({ path: "many" });
    expect(text.split("\n").length).toBe(limits.lsEntries + 2);
    expect(text).toContain(`(showing the first ${limits.lsEntries}; use glob to narrow)`);
  });

  it("refuses a directory outside the workspace", async () => {
    const result = await ls.run({ path: workspace.outside } as never, workspace.context());
    expect(result.isError).toBe(true);
  });
});
