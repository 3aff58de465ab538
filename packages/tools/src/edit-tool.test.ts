import fs from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createEditTool } from "./edit-tool.js";
import { createReadTool } from "./read-tool.js";
import { createTempWorkspace, resultText, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
const read = createReadTool();
const edit = createEditTool();
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

async function readFirst(relative: string, content: string | Uint8Array): Promise<string> {
  const full = workspace.write(relative, content);
  await read.run({ path: relative }, workspace.context());
  return full;
}

describe("edit", () => {
  it("replaces a unique match and returns a diff and a snippet", async () => {
    const full = await readFirst("a.ts", "const a = 1;\nconst b = 2;\nconst c = 3;\n");
    const result = await edit.run(
      { path: "a.ts", old_string: "const b = 2;", new_string: "const b = 20;", replace_all: false },
      workspace.context(),
    );
    expect(result.isError).toBeUndefined();
    expect(fs.readFileSync(full, "utf8")).toBe("const a = 1;\nconst b = 20;\nconst c = 3;\n");
    expect(resultText(result)).toBe(
      "Edited a.ts: replaced 1 occurrence at line 2.\n1\tconst a = 1;\n2\tconst b = 20;\n3\tconst c = 3;",
    );
    expect(result.display?.summary).toBe("Edited a.ts (+1 −1)");
    expect(result.display?.diff).toContain("-const b = 2;\n+const b = 20;");
  });

  it("requires a read first and refuses a stale file, leaving it byte-identical", async () => {
    const full = workspace.write("a.txt", "hello\n");
    const unread = await edit.run({ path: "a.txt", old_string: "hello", new_string: "bye" } as never, workspace.context());
    expect(resultText(unread)).toBe("a.txt has not been read in this session. Read it first, then edit it.");
    await read.run({ path: "a.txt" }, workspace.context());
    fs.writeFileSync(full, "hello there\n");
    const stale = await edit.run({ path: "a.txt", old_string: "hello", new_string: "bye" } as never, workspace.context());
    expect(stale.isError).toBe(true);
    expect(resultText(stale)).toContain("changed since it was last read");
    expect(fs.readFileSync(full, "utf8")).toBe("hello there\n");
  });

  it("allows an edit after a touch that left the content equal", async () => {
    const full = await readFirst("a.txt", "hello\n");
    const later = new Date(Date.now() + 60_000);
    fs.utimesSync(full, later, later);
    const result = await edit.run({ path: "a.txt", old_string: "hello", new_string: "bye" } as never, workspace.context());
    expect(result.isError).toBeUndefined();
    expect(fs.readFileSync(full, "utf8")).toBe("bye\n");
  });

  it("reports every match line when old_string is not unique, changing nothing", async () => {
    const content = "x = 1\ny = 2\nx = 1\nz = 3\nx = 1\n";
    const full = await readFirst("dup.py", content);
    const result = await edit.run({ path: "dup.py", old_string: "x = 1", new_string: "x = 9" } as never, workspace.context());
    expect(resultText(result)).toBe(
      "old_string occurs 3 times in dup.py (lines 1, 3, 5). Include more surrounding lines to make it unique, or set replace_all to true to replace every occurrence.",
    );
    expect(fs.readFileSync(full, "utf8")).toBe(content);
    const all = await edit.run(
      { path: "dup.py", old_string: "x = 1", new_string: "x = 9", replace_all: true },
      workspace.context(),
    );
    expect(resultText(all)).toBe("Edited dup.py: replaced 3 occurrences at lines 1, 3, 5.");
    expect(fs.readFileSync(full, "utf8")).toBe("x = 9\ny = 2\nx = 9\nz = 3\nx = 9\n");
  });

  it("points at a whitespace-only difference with the exact file text", async () => {
    await readFirst("f.py", "def f():\n    if x:\n        return 1\n");
    const result = await edit.run(
      { path: "f.py", old_string: "if x:\n    return 1", new_string: "if y:\n    return 2" } as never,
      workspace.context(),
    );
    expect(result.isError).toBe(true);
    expect(resultText(result)).toBe(
      "old_string was not found in f.py. It must match the file exactly, including whitespace and indentation.\n" +
        "The same text with different whitespace or indentation is at lines 2–3. The file has it exactly as:\n" +
        "2\t    if x:\n3\t        return 1",
    );
  });

  it("shows the closest lines when nothing matches", async () => {
    await readFirst("g.ts", "function loadConfig(path) {\n  return read(path);\n}\n");
    const result = await edit.run(
      { path: "g.ts", old_string: "function loadConfig(file) {", new_string: "x" } as never,
      workspace.context(),
    );
    expect(resultText(result)).toContain("Closest lines in the file:\n1\tfunction loadConfig(path) {");
  });

  it("keeps CRLF endings, and the new text takes the line ending of the text it replaces", async () => {
    const full = await readFirst("win.txt", "a\r\nb\r\nc\r\n");
    await edit.run({ path: "win.txt", old_string: "a\nb\n", new_string: "A\nB\nB2\n" } as never, workspace.context());
    expect(fs.readFileSync(full, "utf8")).toBe("A\r\nB\r\nB2\r\nc\r\n");
  });

  it("leaves bytes outside the replaced span unchanged in a mixed-ending file without final newline", async () => {
    const original = "one\r\ntwo\nthree\r\nfour";
    const full = await readFirst("mixed.txt", original);
    await edit.run({ path: "mixed.txt", old_string: "two\nthree", new_string: "2\n3" } as never, workspace.context());
    expect(fs.readFileSync(full, "utf8")).toBe("one\r\n2\n3\r\nfour");
  });

  it("keeps a UTF-8 BOM", async () => {
    const full = await readFirst("bom.cs", Buffer.from("\uFEFFclass A {}\n"));
    await edit.run({ path: "bom.cs", old_string: "class A", new_string: "class B" } as never, workspace.context());
    const bytes = fs.readFileSync(full);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    expect(bytes.subarray(3).toString("utf8")).toBe("class B {}\n");
  });

  it("refuses a non-UTF-8 file and leaves its bytes alone", async () => {
    const bytes = Buffer.from("caf\xe9\n", "latin1");
    const full = workspace.write("latin1.txt", bytes);
    const result = await edit.run({ path: "latin1.txt", old_string: "caf", new_string: "tea" } as never, workspace.context());
    expect(resultText(result)).toContain("not UTF-8 text");
    expect(resultText(result)).toContain('pass encoding: "latin1"');
    expect(fs.readFileSync(full).equals(bytes)).toBe(true);
  });

  it("edits a Latin-1 file with NUL bytes byte for byte when the call says encoding latin1", async () => {
    const full = workspace.write("legacy.txt", Buffer.from("caf\xe9\x00\r\ncr\xe8me\n", "latin1"));
    await read.run({ path: "legacy.txt", encoding: "latin1" }, workspace.context());
    const result = await edit.run({ path: "legacy.txt", old_string: "cr\u00e8me", new_string: "cr\u00e8me br\u00fbl\u00e9e", encoding: "latin1" } as never, workspace.context());
    expect(result.isError).toBeUndefined();
    expect(fs.readFileSync(full).equals(Buffer.from("caf\xe9\x00\r\ncr\xe8me br\xfbl\xe9e\n", "latin1"))).toBe(true);
  });

  it("refuses new text Latin-1 cannot hold, naming the character, and writes nothing", async () => {
    const bytes = Buffer.from("caf\xe9\n", "latin1");
    const full = workspace.write("legacy.txt", bytes);
    await read.run({ path: "legacy.txt", encoding: "latin1" }, workspace.context());
    const result = await edit.run({ path: "legacy.txt", old_string: "caf", new_string: "\u20ac caf", encoding: "latin1" } as never, workspace.context());
    expect(result.isError).toBe(true);
    expect(resultText(result)).toBe('The new text for legacy.txt has "\u20ac" (U+20AC), which Latin-1 cannot hold; nothing was written.');
    expect(fs.readFileSync(full).equals(bytes)).toBe(true);
  });

  it("removes line-number prefixes pasted from read output", async () => {
    const full = await readFirst("n.ts", "let a = 1;\nlet b = 2;\n");
    const result = await edit.run(
      { path: "n.ts", old_string: "1\tlet a = 1;\n2\tlet b = 2;", new_string: "1\tlet a = 10;\n2\tlet b = 20;" } as never,
      workspace.context(),
    );
    expect(resultText(result)).toContain("line-number prefixes copied from read were removed");
    expect(fs.readFileSync(full, "utf8")).toBe("let a = 10;\nlet b = 20;\n");
  });

  it("serializes parallel edits of one file so no update is lost", async () => {
    const full = await readFirst("p.txt", "alpha\nbeta\ngamma\n");
    const results = await Promise.all([
      edit.run({ path: "p.txt", old_string: "alpha", new_string: "ALPHA" } as never, workspace.context()),
      edit.run({ path: "p.txt", old_string: "gamma", new_string: "GAMMA" } as never, workspace.context()),
    ]);
    expect(results.map((result) => result.isError)).toEqual([undefined, undefined]);
    expect(fs.readFileSync(full, "utf8")).toBe("ALPHA\nbeta\nGAMMA\n");
  });

  it("keeps the file mode and leaves no temporary file", async () => {
    const full = await readFirst("run.sh", "echo hi\n");
    fs.chmodSync(full, 0o700);
    await edit.run({ path: "run.sh", old_string: "hi", new_string: "there" } as never, workspace.context());
    expect(fs.statSync(full).mode & 0o777).toBe(0o700);
    expect(fs.readdirSync(workspace.root)).toEqual(["run.sh"]);
  });

  it("rejects empty and no-op edits and missing files", async () => {
    await readFirst("a.txt", "x\n");
    expect(resultText(await edit.run({ path: "a.txt", old_string: "", new_string: "y" } as never, workspace.context()))).toContain(
      "old_string is empty",
    );
    expect(resultText(await edit.run({ path: "a.txt", old_string: "x", new_string: "x" } as never, workspace.context()))).toContain(
      "identical",
    );
    expect(resultText(await edit.run({ path: "b.txt", old_string: "x", new_string: "y" } as never, workspace.context()))).toBe(
      "File not found: b.txt. Use write to create a new file.",
    );
  });
});
