import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createGrepTool } from "./grep-tool.js";
import { limits } from "./limits.js";
import { createReadDenyFilter } from "./permissions/create-read-deny-filter.js";
import { createTempWorkspace, resultText, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
const grep = createGrepTool();
beforeEach(() => {
  workspace = createTempWorkspace();
  workspace.write(".gitignore", "dist/\n*.log\n");
  workspace.write("src/b.ts", "import x from 'y';\n// TODO: fix b\nexport const b = 1;\n");
  workspace.write("src/a.ts", "export const a = 1;\n// todo lower\n// TODO: fix a\n");
  workspace.write("src/deep/c.js", "one\ntwo\nTODO three\nfour\nfive\nsix\nTODO seven\n");
  workspace.write("dist/out.ts", "// TODO in build output\n");
  workspace.write("debug.log", "TODO in a log\n");
  workspace.write("node_modules/pkg/index.js", "// TODO in a dependency\n");
  workspace.write("image.bin", Buffer.concat([Buffer.from("TODO"), Buffer.from([0, 1, 2])]));
});
afterEach(() => workspace.remove());

const run = async (args: Record<string, unknown>, tool = grep) => resultText(await tool.run(args as never, workspace.context()));

describe("grep", () => {
  it("lists matching files sorted by path, skipping ignored, dependency and binary files", async () => {
    expect(await run({ pattern: "TODO" })).toBe("src/a.ts\nsrc/b.ts\nsrc/deep/c.js\n(3 files)");
  });

  it("shows matching lines as path:line:text", async () => {
    expect(await run({ pattern: "TODO", output_mode: "content" })).toBe(
      "src/a.ts:3:// TODO: fix a\nsrc/b.ts:2:// TODO: fix b\nsrc/deep/c.js:3:TODO three\nsrc/deep/c.js:7:TODO seven",
    );
  });

  it("matches case-insensitively, also through an inline (?i)", async () => {
    const expected = "src/a.ts:2:// todo lower\nsrc/a.ts:3:// TODO: fix a";
    expect(await run({ pattern: "todo", ignore_case: true, output_mode: "content", glob: "a.ts" })).toBe(expected);
    expect(await run({ pattern: "(?i)todo", output_mode: "content", glob: "a.ts" })).toBe(expected);
  });

  it("adds context lines with - separators and -- between groups", async () => {
    expect(await run({ pattern: "TODO", output_mode: "content", context: 1, path: "src/deep" })).toBe(
      "src/deep/c.js-2-two\nsrc/deep/c.js:3:TODO three\nsrc/deep/c.js-4-four\n--\nsrc/deep/c.js-6-six\nsrc/deep/c.js:7:TODO seven",
    );
  });

  it("counts matching lines per file", async () => {
    expect(await run({ pattern: "TODO", output_mode: "count" })).toBe(
      "src/a.ts:1\nsrc/b.ts:1\nsrc/deep/c.js:2\n(4 matching lines in 3 files)",
    );
  });

  it("filters by glob, and a glob without / matches at any depth", async () => {
    expect(await run({ pattern: "TODO", glob: "*.js" })).toBe("src/deep/c.js\n(1 file)");
    expect(await run({ pattern: "TODO", glob: "src/*.ts" })).toBe("src/a.ts\nsrc/b.ts\n(2 files)");
  });

  it("searches a single file given as path", async () => {
    expect(await run({ pattern: "export", path: "src/b.ts", output_mode: "content" })).toBe("src/b.ts:3:export const b = 1;");
  });

  it("says when nothing matches and explains a bad regular expression", async () => {
    expect(await run({ pattern: "nothing-like-this" })).toBe("No matches for /nothing-like-this/ in ..");
    const bad = await grep.run({ pattern: "foo(" } as never, workspace.context());
    expect(bad.isError).toBe(true);
    expect(resultText(bad)).toMatch(/^Invalid regular expression "foo\(": .*escape literal/);
  });

  it("caps results with a note", async () => {
    for (let index = 0; index < limits.grepFiles + 20; index += 1) {
      workspace.write(`many/f${String(index).padStart(4, "0")}.txt`, "needle\n");
    }
    const text = await run({ pattern: "needle", path: "many" });
    const lines = text.split("\n");
    expect(lines.length).toBe(limits.grepFiles + 1);
    expect(lines[0]).toBe("many/f0000.txt");
    expect(lines.at(-1)).toContain("results capped; more matches exist");
  });

  it("does not follow a symlinked directory out of the workspace", async () => {
    fs.writeFileSync(path.join(workspace.outside, "leak.txt"), "TODO outside\n");
    fs.symlinkSync(workspace.outside, path.join(workspace.root, "escape"));
    expect(await run({ pattern: "outside" })).toBe("No matches for /outside/ in ..");
    const direct = await grep.run({ pattern: "TODO", path: "escape" } as never, workspace.context());
    expect(direct.isError).toBe(true);
    expect(resultText(direct)).toContain("outside the workspace");
  });

  it("skips files covered by read deny rules", async () => {
    workspace.write(".env", "API_KEY=TODO-secret\n");
    workspace.write("config/.env", "TODO nested secret\n");
    expect(await run({ pattern: "secret" })).toBe(".env\nconfig/.env\n(2 files)");
    const isDenied = createReadDenyFilter(["read(.env)"], "grep");
    const guarded = createGrepTool(isDenied ? { isDenied } : {});
    expect(await run({ pattern: "secret" }, guarded)).toBe("No matches for /secret/ in ..");
  });

  it("clips very long matching lines", async () => {
    workspace.write("min.js", `${"x".repeat(2000)}needle${"y".repeat(2000)}\n`);
    const text = await run({ pattern: "needle", output_mode: "content", path: "min.js" });
    expect(text.length).toBeLessThan(limits.grepLineChars + 40);
    expect(text).toContain("… [4006 chars]");
  });
});
