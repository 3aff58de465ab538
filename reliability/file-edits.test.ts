import { spawn, spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { readSessionFile } from "@bridle/core";
import fc from "fast-check";
import { afterEach, describe, expect, it } from "vitest";
import { type SimRuntime, startSimRuntime } from "./support/sim-runtime.js";
import { createWorkspaceTools, type WorkspaceTools } from "./support/workspace-tools.js";

let workspace: WorkspaceTools | undefined;
let simRuntime: SimRuntime | undefined;
afterEach(async () => {
  workspace?.remove();
  workspace = undefined;
  await simRuntime?.close();
  simRuntime = undefined;
});

const suiteDirectory = path.dirname(fileURLToPath(import.meta.url));

/** Files in a directory whose names the atomic writer gives its temporary files. */
function temporaryFiles(directory: string): string[] {
  return fs.readdirSync(directory).filter((name) => name.endsWith(".tmp"));
}

/**
 * A process that reads and edits one file forever through the built `edit` tool, flipping a
 * large file between two versions, and says "ready" once it has done one edit.
 */
const EDIT_FOREVER = `
import { readFileSync } from "node:fs";
import path from "node:path";
import { createEditTool, createReadTool } from "@bridle/tools";
const [workspace, file] = process.argv.slice(1);
const state = new Map();
const context = () => ({ workspace, signal: new AbortController().signal, callId: "c", sessionDirectory: workspace, state });
const read = createReadTool(), edit = createEditTool();
let [from, to] = readFileSync(path.join(workspace, file), "utf8").startsWith("version: OLD") ? ["version: OLD", "version: NEW"] : ["version: NEW", "version: OLD"];
let said = false;
// The edits' own writes keep the read stamp fresh, so one read is enough.
await read.run({ path: file, limit: 1 }, context());
for (;;) {
  const result = await edit.run({ path: file, old_string: from, new_string: to }, context());
  if (result.isError) { console.error(result.content); process.exit(1); }
  [from, to] = [to, from];
  if (!said) { said = true; console.log("ready"); }
}
`;

describe("file edits", () => {
  describe("21. atomic writes: a crash leaves the old or the new file; no temp file after success; mode kept; a link is edited at its target", () => {
    it("21a. kill -9 at random moments of an edit loop: the file is always byte-exactly the old or the new version", { timeout: 120_000 }, async () => {
      workspace = createWorkspaceTools();
      const filler = "0123456789abcdef".repeat(4 * 65_536); // 4 MB, so a write takes a while
      const oldVersion = `version: OLD\n${filler}\n`;
      const newVersion = `version: NEW\n${filler}\n`;
      const file = workspace.write("big.txt", oldVersion);
      const seen = new Set<string>();
      for (let round = 0; round < 25; round += 1) {
        const child = spawn(process.execPath, ["--input-type=module", "-e", EDIT_FOREVER, workspace.root, "big.txt"], {
          cwd: suiteDirectory,
          stdio: ["ignore", "pipe", "pipe"],
        });
        let stderr = "";
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk.toString()));
        await new Promise<void>((resolve, reject) => {
          child.stdout.on("data", (chunk: Buffer) => chunk.toString().includes("ready") && resolve());
          child.on("exit", () => reject(new Error(`the edit loop ended: ${stderr}`)));
        });
        await new Promise((resolve) => setTimeout(resolve, Math.random() * 150));
        const exited = new Promise((resolve) => child.on("exit", resolve));
        child.kill("SIGKILL");
        await exited;
        const content = fs.readFileSync(file, "utf8");
        expect(content === oldVersion || content === newVersion, `round ${round}: the file is neither version (${content.length} chars)`).toBe(true);
        seen.add(content.slice(0, 12));
        // A crash may leave its temporary file behind (never the target half-written); clear it
        // so the next round's check of "no temp after success" starts clean.
        for (const name of temporaryFiles(workspace.root)) fs.rmSync(path.join(workspace.root, name));
      }
      // Both versions were hit, so the kills landed while edits were happening.
      expect(seen.size).toBe(2);
    });

    it("21b. the new content replaces the file whole: a reader holding the old file open still reads the complete old version", async () => {
      workspace = createWorkspaceTools();
      const oldVersion = `keep: old\n${"x".repeat(100_000)}\n`;
      const file = workspace.write("a.txt", oldVersion);
      await workspace.call("read", { path: "a.txt" });
      const reader = fs.openSync(file, "r");
      try {
        const edited = await workspace.call("edit", { path: "a.txt", old_string: "keep: old", new_string: "keep: new" });
        expect(edited.isError, edited.text).toBeFalsy();
        const seenByReader = Buffer.alloc(oldVersion.length + 10);
        const length = fs.readSync(reader, seenByReader, 0, seenByReader.length, 0);
        expect(seenByReader.subarray(0, length).toString()).toBe(oldVersion);
        expect(fs.readFileSync(file, "utf8")).toBe(oldVersion.replace("keep: old", "keep: new"));
      } finally {
        fs.closeSync(reader);
      }
    });

    it("21c. a successful edit and write leave no temporary file and keep the file's mode bits", async () => {
      workspace = createWorkspaceTools();
      const file = workspace.write("tool.sh", "#!/bin/sh\necho old\n");
      // 0666 too: the umask would narrow a freshly created temporary file to 0644.
      const shared = workspace.write("shared.txt", "old\n");
      fs.chmodSync(shared, 0o666);
      await workspace.call("read", { path: "shared.txt" });
      expect((await workspace.call("edit", { path: "shared.txt", old_string: "old", new_string: "new" })).isError).toBeFalsy();
      expect(fs.statSync(shared).mode & 0o7777).toBe(0o666);
      fs.chmodSync(file, 0o751);
      expect((await workspace.call("read", { path: "tool.sh" })).isError).toBeFalsy();
      const edited = await workspace.call("edit", { path: "tool.sh", old_string: "echo old", new_string: "echo new" });
      expect(edited.isError, edited.text).toBeFalsy();
      expect(fs.statSync(file).mode & 0o7777).toBe(0o751);
      const written = await workspace.call("write", { path: "tool.sh", content: "#!/bin/sh\necho newer\n" });
      expect(written.isError, written.text).toBeFalsy();
      expect(fs.statSync(file).mode & 0o7777).toBe(0o751);
      expect(fs.readFileSync(file, "utf8")).toBe("#!/bin/sh\necho newer\n");
      expect(temporaryFiles(workspace.root)).toEqual([]);
    });

    it("21d. over the simulator: the model reads and edits a symlinked file; the link stays a link and its in-workspace target changes", async () => {
      simRuntime = await startSimRuntime(
        {
          steps: [
            { when: { lastRole: "user" }, toolCalls: [{ id: "call_read", name: "read", arguments: JSON.stringify({ path: "current.txt" }) }] },
            { when: { lastRole: "tool" }, toolCalls: [{ id: "call_edit", name: "edit", arguments: JSON.stringify({ path: "current.txt", old_string: "two", new_string: "TWO" }) }] },
            { when: { lastRole: "tool" }, content: "Edited." },
          ],
        },
        { config: { permissions: { mode: "allow-edits" } } },
      );
      const link = path.join(simRuntime.project, "current.txt");
      fs.symlinkSync(path.join("src", "a.txt"), link);
      const result = await simRuntime.runtime.agent.runTurn("capitalise two", { signal: new AbortController().signal, onEvent: () => {} });
      expect(result.reason).toBe("stop");
      expect(simRuntime.sim.requests.completions()).toHaveLength(3);
      expect(fs.lstatSync(link).isSymbolicLink()).toBe(true);
      expect(fs.readlinkSync(link)).toBe(path.join("src", "a.txt"));
      expect(fs.readFileSync(path.join(simRuntime.project, "src", "a.txt"), "utf8")).toBe("one\nTWO\nthree\n");
      const records = readSessionFile(simRuntime.runtime.session.file).records;
      const editResult = records.find((record) => record.type === "message" && record.message.role === "tool" && record.message.toolCallId === "call_edit");
      expect(editResult).toBeDefined();
      expect(JSON.stringify(editResult)).toContain("Edited src/a.txt");
      expect(records.filter((record) => record.type === "message" && record.message.role === "assistant")).toHaveLength(3);
    });
  });

  describe("22. old_string found 0 or 2 times: an error naming the case, the file byte-identical; replace_all replaces all", () => {
    it("22a. zero matches and two matches are refused with what happened, and the file is unchanged", async () => {
      workspace = createWorkspaceTools();
      const original = "alpha\nbeta\nalpha\n";
      workspace.write("a.txt", original);
      await workspace.call("read", { path: "a.txt" });
      const missing = await workspace.call("edit", { path: "a.txt", old_string: "gamma", new_string: "delta" });
      expect(missing.isError).toBe(true);
      expect(missing.text).toMatch(/old_string was not found in a\.txt/);
      expect(workspace.readBytes("a.txt").toString()).toBe(original);
      const twice = await workspace.call("edit", { path: "a.txt", old_string: "alpha", new_string: "omega" });
      expect(twice.isError).toBe(true);
      expect(twice.text).toMatch(/occurs 2 times in a\.txt \(lines 1, 3\)/);
      expect(twice.text).toMatch(/replace_all/);
      expect(workspace.readBytes("a.txt").toString()).toBe(original);
    });

    it("22b. replace_all replaces every occurrence", async () => {
      workspace = createWorkspaceTools();
      workspace.write("a.txt", "alpha\nbeta\nalpha\nalphabet\n");
      await workspace.call("read", { path: "a.txt" });
      const result = await workspace.call("edit", { path: "a.txt", old_string: "alpha", new_string: "omega", replace_all: true });
      expect(result.isError, result.text).toBeFalsy();
      expect(result.text).toMatch(/replaced 3 occurrences/);
      expect(workspace.readBytes("a.txt").toString()).toBe("omega\nbeta\nomega\nomegabet\n");
    });
  });

  describe("23. an edit without a prior read, or after an external change, is refused with \"read again\"; a touch alone is allowed", () => {
    it("23a. no read in this session: refused, file unchanged", async () => {
      workspace = createWorkspaceTools();
      workspace.write("a.txt", "one\n");
      const result = await workspace.call("edit", { path: "a.txt", old_string: "one", new_string: "two" });
      expect(result.isError).toBe(true);
      expect(result.text).toMatch(/has not been read in this session\. Read it first/);
      expect(workspace.readBytes("a.txt").toString()).toBe("one\n");
      const overwrite = await workspace.call("write", { path: "a.txt", content: "two\n" });
      expect(overwrite.isError).toBe(true);
      expect(workspace.readBytes("a.txt").toString()).toBe("one\n");
    });

    it("23b. changed on disk after the read (same size, same mtime): refused until read again", async () => {
      workspace = createWorkspaceTools();
      const file = workspace.write("a.txt", "one\n");
      // Whole seconds, so that putting the timestamp back below restores it exactly.
      const stamp = new Date(Math.floor(Date.now() / 1000) * 1000 - 60_000);
      fs.utimesSync(file, stamp, stamp);
      await workspace.call("read", { path: "a.txt" });
      fs.writeFileSync(file, "uno\n");
      // Put the old timestamp back: a timestamp check would not see this change.
      fs.utimesSync(file, stamp, stamp);
      const result = await workspace.call("edit", { path: "a.txt", old_string: "uno", new_string: "dos" });
      expect(result.isError).toBe(true);
      expect(result.text).toMatch(/has changed since it was last read.*Read it again/);
      expect(workspace.readBytes("a.txt").toString()).toBe("uno\n");
      await workspace.call("read", { path: "a.txt" });
      expect((await workspace.call("edit", { path: "a.txt", old_string: "uno", new_string: "dos" })).isError).toBeFalsy();
      expect(workspace.readBytes("a.txt").toString()).toBe("dos\n");
    });

    it("23c. touch only (new mtime, same bytes): the edit goes through", async () => {
      workspace = createWorkspaceTools();
      const file = workspace.write("a.txt", "one\n");
      await workspace.call("read", { path: "a.txt" });
      const later = new Date(Date.now() + 60_000);
      fs.utimesSync(file, later, later);
      const result = await workspace.call("edit", { path: "a.txt", old_string: "one", new_string: "two" });
      expect(result.isError, result.text).toBeFalsy();
      expect(workspace.readBytes("a.txt").toString()).toBe("two\n");
    });
  });

  describe("24. CRLF, BOM, no final newline, mixed endings: the bytes outside the replaced span are unchanged", () => {
    const line = fc.stringMatching(/^[a-z =;(){}]{0,12}$/);
    const ending = fc.constantFrom("\n", "\r\n", "\r");

    it("24a. property: for any mix of line endings, BOM and final newline, only the replaced span changes", async () => {
      workspace = createWorkspaceTools();
      const tools = workspace;
      let runs = 0;
      await fc.assert(
        fc.asyncProperty(
          fc.boolean(),
          fc.array(fc.tuple(line, ending), { maxLength: 8 }),
          fc.array(fc.tuple(line, ending), { maxLength: 8 }),
          fc.constantFrom("", "\n", "\r\n"),
          fc.stringMatching(/^[A-Z ]{1,10}$/),
          async (bom, before, after, markerEnding, replacement) => {
            runs += 1;
            const name = `f${runs}.txt`;
            const prefix = before.map(([text, end]) => text + end).join("");
            const suffix = after.map(([text, end]) => text + end).join("");
            // The marker is unique (upper-case digits never occur in the random lines).
            const marker = `MARK0${markerEnding}`;
            const bytes = Buffer.concat([bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0), Buffer.from(prefix + marker + suffix)]);
            tools.write(name, bytes);
            await tools.call("read", { path: name });
            const result = await tools.call("edit", { path: name, old_string: "MARK0", new_string: replacement });
            expect(result.isError, result.text).toBeFalsy();
            const expected = Buffer.concat([
              bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
              Buffer.from(prefix + replacement + markerEnding + suffix),
            ]);
            expect(tools.readBytes(name).equals(expected)).toBe(true);
          },
        ),
        { numRuns: 150 },
      );
    });

    it("24b. a multi-line replacement in a CRLF file takes CRLF; the LF lines elsewhere stay LF", async () => {
      workspace = createWorkspaceTools();
      workspace.write("mixed.txt", "head\nfirst\r\nsecond\r\ntail");
      await workspace.call("read", { path: "mixed.txt" });
      const result = await workspace.call("edit", { path: "mixed.txt", old_string: "first\nsecond", new_string: "1st\n2nd\n3rd" });
      expect(result.isError, result.text).toBeFalsy();
      expect(workspace.readBytes("mixed.txt").toString()).toBe("head\n1st\r\n2nd\r\n3rd\r\ntail");
    });
  });

  describe("25. a Latin-1 or NUL-containing file: read, edit and write refuse it unless the encoding is explicit; never a round trip through U+FFFD", () => {
    const latin1 = Buffer.from("caf\xe9 cr\xe8me\r\nna\x00me: \xff\n", "latin1");
    const withNul = Buffer.from("header\x00\x01\nplain line\n", "latin1");
    const replacementCharacter = Buffer.from("\ufffd");

    it("25a. without an encoding every file tool refuses, says how to go on, and leaves the bytes alone", async () => {
      workspace = createWorkspaceTools();
      workspace.write("latin1.txt", latin1);
      workspace.write("nul.txt", withNul);
      for (const [name, bytes] of [["latin1.txt", latin1], ["nul.txt", withNul]] as const) {
        const read = await workspace.call("read", { path: name });
        expect(read.isError).toBe(true);
        expect(read.text).toMatch(/is not a text file: (non-UTF-8 text|binary data).*encoding: "latin1"/);
        const edit = await workspace.call("edit", { path: name, old_string: "e", new_string: "E" });
        expect(edit.isError).toBe(true);
        expect(edit.text).toMatch(/is not UTF-8 text .*edit refuses to change it.*encoding: "latin1"/);
        const write = await workspace.call("write", { path: name, content: "replaced\n" });
        expect(write.isError).toBe(true);
        expect(write.text).toMatch(/write refuses to overwrite it/);
        expect(workspace.readBytes(name).equals(bytes)).toBe(true);
      }
    });

    it("25b. with encoding latin1 the model reads and edits the file byte for byte: NUL, CRLF and 0xFF survive, no U+FFFD appears", async () => {
      workspace = createWorkspaceTools();
      workspace.write("latin1.txt", latin1);
      workspace.write("nul.txt", withNul);
      const read = await workspace.call("read", { path: "latin1.txt", encoding: "latin1" });
      expect(read.text).toContain("1\tcaf\u00e9 cr\u00e8me");
      const edit = await workspace.call("edit", { path: "latin1.txt", old_string: "cr\u00e8me", new_string: "cr\u00e8me br\u00fbl\u00e9e", encoding: "latin1" });
      expect(edit.isError, edit.text).toBeFalsy();
      expect(workspace.readBytes("latin1.txt").equals(Buffer.from("caf\xe9 cr\xe8me br\xfbl\xe9e\r\nna\x00me: \xff\n", "latin1"))).toBe(true);
      await workspace.call("read", { path: "nul.txt", encoding: "latin1" });
      expect((await workspace.call("edit", { path: "nul.txt", old_string: "plain", new_string: "edited", encoding: "latin1" })).isError).toBeFalsy();
      expect(workspace.readBytes("nul.txt").equals(Buffer.from("header\x00\x01\nedited line\n", "latin1"))).toBe(true);
      for (const name of ["latin1.txt", "nul.txt"]) expect(workspace.readBytes(name).includes(replacementCharacter)).toBe(false);
      // A character Latin-1 cannot hold is refused rather than replaced.
      const euro = await workspace.call("edit", { path: "nul.txt", old_string: "edited", new_string: "\u20ac", encoding: "latin1" });
      expect(euro.isError).toBe(true);
      expect(euro.text).toMatch(/U\+20AC.*nothing was written/);
      expect(workspace.readBytes("nul.txt").equals(Buffer.from("header\x00\x01\nedited line\n", "latin1"))).toBe(true);
    });
  });

  describe("26. two parallel edits of one file are serialised by a per-path lock: no lost update", () => {
    it("26a. twenty edits of different lines started at once, half through a link to the file: all twenty land", async () => {
      workspace = createWorkspaceTools();
      const lines = Array.from({ length: 20 }, (_, index) => `line ${index}`);
      workspace.write("shared.txt", `${lines.join("\n")}\n`);
      fs.symlinkSync("shared.txt", path.join(workspace.root, "alias.txt"));
      await workspace.call("read", { path: "shared.txt" });
      const results = await Promise.all(
        lines.map((text, index) => workspace!.call("edit", { path: index % 2 === 0 ? "shared.txt" : "alias.txt", old_string: `${text}\n`, new_string: `${text.toUpperCase()}\n` })),
      );
      for (const result of results) expect(result.isError, result.text).toBeFalsy();
      expect(workspace.readBytes("shared.txt").toString()).toBe(`${lines.map((text) => text.toUpperCase()).join("\n")}\n`);
    });
  });

  describe("27. a 100 MB file and a 5 MB single line: read returns at most 2,000 lines / 50 KB with an offset hint, in bounded memory", () => {
    const PROBE = `
import { createReadTool } from "@bridle/tools";
const [workspace, file] = process.argv.slice(1);
const result = await createReadTool().run({ path: file }, { workspace, signal: new AbortController().signal, callId: "c", sessionDirectory: workspace, state: new Map() });
console.log(JSON.stringify({ content: result.content, isError: result.isError ?? false, maxRssKb: process.resourceUsage().maxRSS }));
`;
    /** Reads a file with the built read tool in a fresh process, and reports what it returned and its peak memory. */
    function readInFreshProcess(root: string, file: string): { content: string; isError: boolean; maxRssKb: number } {
      const run = spawnSync(process.execPath, ["--input-type=module", "-e", PROBE, root, file], { cwd: suiteDirectory, encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
      expect(run.status, run.stderr).toBe(0);
      return JSON.parse(run.stdout) as { content: string; isError: boolean; maxRssKb: number };
    }

    it("27a. 100 MB: one window with the continue hint; peak memory grows by far less than the file", { timeout: 60_000 }, () => {
      workspace = createWorkspaceTools();
      workspace.write("small.txt", "a\n");
      const fd = fs.openSync(path.join(workspace.root, "big.txt"), "w");
      const block = `${"x".repeat(99)}\n`.repeat(10_000);
      for (let index = 0; index < 100; index += 1) fs.writeSync(fd, block);
      fs.closeSync(fd);
      const baseline = readInFreshProcess(workspace.root, "small.txt");
      const big = readInFreshProcess(workspace.root, "big.txt");
      expect(big.isError).toBe(false);
      const [body, footer] = big.content.split("\n\n");
      const shown = body!.split("\n").map((line) => line.slice(line.indexOf("\t") + 1));
      expect(shown.length).toBeLessThanOrEqual(2000);
      // 50 KB of file text, stopping at the end of the line that reaches it.
      expect(Buffer.byteLength(shown.join("\n"))).toBeLessThanOrEqual(50 * 1024 + 100);
      expect(footer).toBe(`(file has 1000000 lines, showing 1–${shown.length}; continue with offset=${shown.length + 1})`);
      // The file is 100 MB; reading it whole would add at least that much.
      expect(big.maxRssKb - baseline.maxRssKb).toBeLessThan(32 * 1024);
    });

    it("27b. a 5 MB single line is cut to 2,000 characters with a note; the lines after it are still shown", { timeout: 60_000 }, () => {
      workspace = createWorkspaceTools();
      workspace.write("small.txt", "a\n");
      workspace.write("minified.js", `${"y".repeat(5 * 1024 * 1024)}\nshort\n`);
      const baseline = readInFreshProcess(workspace.root, "small.txt");
      const line = readInFreshProcess(workspace.root, "minified.js");
      expect(line.content).toMatch(/^1\ty{2000} … \[line truncated; 5\.0 MB in total\]\n2\tshort\n\n\(file has 2 lines, showing 1–2; 1 long line truncated\)$/);
      expect(line.maxRssKb - baseline.maxRssKb).toBeLessThan(16 * 1024);
    });
  });
});
