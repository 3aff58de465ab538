import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGlobTool } from "./glob-tool.js";
import { limits } from "./limits.js";
import { createTempWorkspace, resultText, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
const glob = createGlobTool();
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

// One reference time for the whole file: two files given the same age must get the same mtime.
const now = Date.now();
const setMtime = (relative: string, secondsAgo: number) => {
  const time = new Date(now - secondsAgo * 1000);
  fs.utimesSync(path.join(workspace.root, relative), time, time);
};
const run = async (args: Record<string, unknown>) => resultText(await glob.run(args as never, workspace.context()));

describe("glob", () => {
  it("lists matches most recently modified first, ties by path", async () => {
    workspace.write("src/old.ts", "");
    workspace.write("src/new.ts", "");
    workspace.write("lib/same-b.ts", "");
    workspace.write("lib/same-a.ts", "");
    setMtime("src/old.ts", 300);
    setMtime("src/new.ts", 10);
    setMtime("lib/same-a.ts", 100);
    setMtime("lib/same-b.ts", 100);
    expect(await run({ pattern: "**/*.ts" })).toBe(
      "src/new.ts\nlib/same-a.ts\nlib/same-b.ts\nsrc/old.ts\n(4 files, most recently modified first)",
    );
  });

  it("matches a pattern without / at any depth and honours .gitignore", async () => {
    workspace.write(".gitignore", "generated/\n");
    workspace.write("a.md", "");
    workspace.write("docs/b.md", "");
    workspace.write("generated/c.md", "");
    workspace.write("node_modules/d/readme.md", "");
    const text = await run({ pattern: "*.md" });
    expect(text.split("\n").slice(0, -1).sort()).toEqual(["a.md", "docs/b.md"]);
  });

  it("searches below path and shows paths relative to the workspace", async () => {
    workspace.write("pkg/src/x.ts", "");
    workspace.write("other/y.ts", "");
    expect(await run({ pattern: "*.ts", path: "pkg" })).toBe("pkg/src/x.ts\n(1 file, most recently modified first)");
    expect(await run({ pattern: "src/*.ts", path: "./pkg/" })).toBe("pkg/src/x.ts\n(1 file, most recently modified first)");
  });

  it("caps the list with a note", async () => {
    for (let index = 0; index < limits.globResults + 5; index += 1) workspace.write(`f/${index}.txt`, "");
    const lines = (await run({ pattern: "*.txt" })).split("\n");
    expect(lines.length).toBe(limits.globResults + 1);
    expect(lines.at(-1)).toBe(
      `(showing ${limits.globResults} of ${limits.globResults + 5} files, most recently modified first; narrow the pattern or path)`,
    );
  });

  it("explains empty results and bad patterns", async () => {
    expect(await run({ pattern: "*.rs" })).toBe('No files match "*.rs" in ..');
    const dots = await glob.run({ pattern: "../**/*" } as never, workspace.context());
    expect(dots.isError).toBe(true);
    expect(resultText(dots)).toContain('contains ".."');
    const outside = await glob.run({ pattern: "/etc/*" } as never, workspace.context());
    expect(resultText(outside)).toContain("absolute path outside");
    const file = workspace.write("a.txt", "");
    expect(resultText(await glob.run({ pattern: "*", path: "a.txt" } as never, workspace.context()))).toContain(
      "is a file, not a directory",
    );
    expect(file).toBeTruthy();
  });

  it("accepts an absolute pattern inside the search root", async () => {
    workspace.write("src/z.ts", "");
    expect(await run({ pattern: `${workspace.root}/src/*.ts` })).toBe("src/z.ts\n(1 file, most recently modified first)");
  });
});
