import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReadTool } from "./read-tool.js";
import { createTempWorkspace, resultText, type TempWorkspace } from "./testing/temp-workspace.js";
import { createWriteTool } from "./write-tool.js";

let workspace: TempWorkspace;
const read = createReadTool();
const write = createWriteTool();
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

const leftovers = (directory: string) => fs.readdirSync(directory).filter((name) => name.endsWith(".tmp"));

describe("write", () => {
  it("creates a file and its parent directories, with a diff for display", async () => {
    const result = await write.run({ path: "a/b/new.ts", content: "export const x = 1;\n" }, workspace.context());
    expect(result.isError).toBeUndefined();
    expect(resultText(result)).toBe("Created a/b/new.ts (1 line).");
    expect(workspace.readBytes("a/b/new.ts").toString()).toBe("export const x = 1;\n");
    expect(result.display?.diff).toContain("+export const x = 1;");
    expect(leftovers(path.join(workspace.root, "a/b"))).toEqual([]);
  });

  it("refuses to overwrite a file that was not read, leaving it unchanged", async () => {
    workspace.write("existing.txt", "keep me\n");
    const result = await write.run({ path: "existing.txt", content: "replaced\n" }, workspace.context());
    expect(result.isError).toBe(true);
    expect(resultText(result)).toBe("existing.txt has not been read in this session. Read it first, then overwrite it.");
    expect(workspace.readBytes("existing.txt").toString()).toBe("keep me\n");
  });

  it("overwrites after a read, and refuses when the file changed since", async () => {
    const full = workspace.write("f.txt", "one\n");
    await read.run({ path: "f.txt" }, workspace.context());
    const first = await write.run({ path: "f.txt", content: "two\n" }, workspace.context());
    expect(resultText(first)).toBe("Overwrote f.txt (1 line, +1 −1).");
    // Its own write counts as seen: a second write needs no new read.
    expect((await write.run({ path: "f.txt", content: "three\n" }, workspace.context())).isError).toBeUndefined();
    fs.writeFileSync(full, "changed by someone else\n");
    const stale = await write.run({ path: "f.txt", content: "four\n" }, workspace.context());
    expect(stale.isError).toBe(true);
    expect(resultText(stale)).toContain("has changed since it was last read");
    expect(fs.readFileSync(full, "utf8")).toBe("changed by someone else\n");
  });

  it("keeps the file mode and the file's CRLF and BOM style", async () => {
    const full = workspace.write("script.sh", Buffer.from("\uFEFFecho a\r\necho b\r\n"));
    fs.chmodSync(full, 0o751);
    await read.run({ path: "script.sh" }, workspace.context());
    await write.run({ path: "script.sh", content: "echo c\necho d\n" }, workspace.context());
    expect(fs.statSync(full).mode & 0o777).toBe(0o751);
    expect(fs.readFileSync(full).toString("binary")).toBe(Buffer.from("\uFEFFecho c\r\necho d\r\n").toString("binary"));
    expect(leftovers(workspace.root)).toEqual([]);
  });

  it("writes through an in-workspace symlink to its target, keeping the link", async () => {
    const target = workspace.write("real.txt", "old\n");
    const link = path.join(workspace.root, "link.txt");
    fs.symlinkSync(target, link);
    await read.run({ path: "link.txt" }, workspace.context());
    await write.run({ path: "link.txt", content: "new\n" }, workspace.context());
    expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
    expect(fs.readFileSync(target, "utf8")).toBe("new\n");
  });

  it("refuses to write outside the workspace, also through a dangling link", async () => {
    const outsideTarget = path.join(workspace.outside, "created.txt");
    fs.symlinkSync(outsideTarget, path.join(workspace.root, "dangling.txt"));
    const viaLink = await write.run({ path: "dangling.txt", content: "x" }, workspace.context());
    expect(viaLink.isError).toBe(true);
    const viaDots = await write.run({ path: "../outside/escape.txt", content: "x" }, workspace.context());
    expect(viaDots.isError).toBe(true);
    expect(resultText(viaDots)).toContain("outside the workspace");
    expect(fs.existsSync(outsideTarget)).toBe(false);
    expect(fs.existsSync(path.join(workspace.outside, "escape.txt"))).toBe(false);
  });

  it("refuses to overwrite a binary file or a directory", async () => {
    workspace.write("blob.bin", Buffer.from([0, 1, 2]));
    fs.mkdirSync(path.join(workspace.root, "dir"));
    expect(resultText(await write.run({ path: "blob.bin", content: "x" }, workspace.context()))).toContain(
      "not UTF-8 text (binary data)",
    );
    expect(resultText(await write.run({ path: "dir", content: "x" }, workspace.context()))).toContain("not a regular file");
  });

  it("writes and overwrites a Latin-1 file one byte per character when the call says encoding latin1", async () => {
    const full = workspace.write("legacy.txt", Buffer.from("caf\xe9\r\n", "latin1"));
    const unread = await write.run({ path: "legacy.txt", content: "x" }, workspace.context());
    expect(resultText(unread)).toContain('pass encoding: "latin1"');
    await read.run({ path: "legacy.txt", encoding: "latin1" }, workspace.context());
    const result = await write.run({ path: "legacy.txt", content: "cr\u00e8me\n", encoding: "latin1" }, workspace.context());
    expect(result.isError).toBeUndefined();
    // The file's CRLF is kept, as for UTF-8 files.
    expect(fs.readFileSync(full).equals(Buffer.from("cr\xe8me\r\n", "latin1"))).toBe(true);
  });
});
