import fs from "node:fs";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createReadTool } from "./read-tool.js";
import { readStamps } from "./read-stamps.js";
import { createTempWorkspace, resultText, type TempWorkspace } from "./testing/temp-workspace.js";

let workspace: TempWorkspace;
const read = createReadTool();
beforeEach(() => {
  workspace = createTempWorkspace();
});
afterEach(() => workspace.remove());

const lines = (count: number, make = (n: number) => `line ${n}`) =>
  Array.from({ length: count }, (_, index) => make(index + 1)).join("\n") + "\n";

describe("read", () => {
  it("numbers lines and ends with a footer giving the file's length", async () => {
    workspace.write("a.txt", "alpha\nbeta\ngamma\n");
    const result = await read.run({ path: "a.txt" }, workspace.context());
    expect(result.isError).toBeUndefined();
    expect(result.content).toBe("1\talpha\n2\tbeta\n3\tgamma\n\n(file has 3 lines, showing 1–3)");
  });

  it("counts a last line without a newline and strips CR of CRLF lines", async () => {
    workspace.write("crlf.txt", "one\r\ntwo\r\nthree");
    const result = await read.run({ path: "crlf.txt" }, workspace.context());
    expect(result.content).toBe("1\tone\n2\ttwo\n3\tthree\n\n(file has 3 lines, showing 1–3)");
  });

  it("windows with offset and limit and says where to continue", async () => {
    workspace.write("big.txt", lines(50));
    const result = resultText(await read.run({ path: "big.txt", offset: 10, limit: 5 }, workspace.context()));
    expect(result).toContain("10\tline 10\n11\tline 11");
    expect(result).toContain("14\tline 14\n\n(file has 50 lines, showing 10–14; continue with offset=15)");
    expect(result).not.toContain("line 15");
  });

  it("shows 2000 lines by default", async () => {
    workspace.write("long.txt", lines(3000, (n) => `x${n}`));
    const result = resultText(await read.run({ path: "long.txt" }, workspace.context()));
    expect(result).toContain("2000\tx2000\n\n(file has 3000 lines, showing 1–2000; continue with offset=2001)");
    expect(result).not.toContain("x2001");
  });

  it("stops at the byte budget before the line budget", async () => {
    workspace.write("wide.txt", lines(1000, (n) => `${n}`.padEnd(200, "w")));
    const result = resultText(await read.run({ path: "wide.txt" }, workspace.context()));
    const match = /showing 1–(\d+); continue with offset=(\d+)/.exec(result);
    expect(match).not.toBeNull();
    const last = Number(match?.[1]);
    expect(last).toBeGreaterThan(200);
    expect(last).toBeLessThan(300);
    expect(result.length).toBeLessThan(60 * 1024);
  });

  it("cuts very long lines and keeps memory bounded on a 5 MB single line", async () => {
    workspace.write("minified.js", `${"a".repeat(5 * 1024 * 1024)}\nshort\n`);
    const result = resultText(await read.run({ path: "minified.js" }, workspace.context()));
    expect(result).toContain("… [line truncated; 5.0 MB in total]");
    expect(result).toContain("2\tshort");
    expect(result).toContain("(file has 2 lines, showing 1–2; 1 long line truncated)");
    expect(result.length).toBeLessThan(3000);
  });

  it("refuses binary files with their kind and size", async () => {
    workspace.write("data.bin", Buffer.from([1, 2, 0, 3, 4]));
    workspace.write("doc.pdf", Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(2000, 0xff)]));
    const binary = await read.run({ path: "data.bin" }, workspace.context());
    expect(binary.isError).toBe(true);
    expect(resultText(binary)).toBe(
      'data.bin is not a text file: binary data, 5 B. read shows UTF-8 text and images only. If it is text in a single-byte encoding (Latin-1, Windows-1252), pass encoding: "latin1" to keep every byte.',
    );
    expect(resultText(await read.run({ path: "doc.pdf" }, workspace.context()))).toContain("PDF document, 2.0 KB");
  });

  it("refuses Latin-1 text instead of showing replacement characters", async () => {
    workspace.write("latin1.txt", Buffer.from("caf\xe9 cr\xe8me\n", "latin1"));
    const result = await read.run({ path: "latin1.txt" }, workspace.context());
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("non-UTF-8 text");
    expect(resultText(result)).toContain('encoding: "latin1"');
    expect(readStamps(workspace.state).size).toBe(0);
  });

  it("reads Latin-1 text when the call says encoding latin1, one character per byte, and records a stamp", async () => {
    workspace.write("latin1.txt", Buffer.from("caf\xe9 cr\xe8me\nna\x00me\n", "latin1"));
    const result = await read.run({ path: "latin1.txt", encoding: "latin1" }, workspace.context());
    expect(result.isError).toBeUndefined();
    expect(resultText(result)).toBe("1\tcaf\u00e9 cr\u00e8me\n2\tna\u0000me\n\n(file has 2 lines, showing 1–2)");
    expect(readStamps(workspace.state).size).toBe(1);
  });

  it("returns a small PNG as an image part", async () => {
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    workspace.write("pixel.png", png);
    const result = await read.run({ path: "pixel.png" }, workspace.context());
    expect(Array.isArray(result.content)).toBe(true);
    const parts = result.content as Array<{ type: string; url?: string; mediaType?: string }>;
    expect(parts[1]).toEqual({
      type: "image",
      url: `data:image/png;base64,${png.toString("base64")}`,
      mediaType: "image/png",
    });
  });

  it("explains directories, missing files (with look-alikes) and offsets past the end", async () => {
    workspace.write("src/Config.ts", "x\n");
    expect(resultText(await read.run({ path: "src" }, workspace.context()))).toBe(
      "src is a directory, not a file. Use ls to list it.",
    );
    const missing = await read.run({ path: "src/config.ts" }, workspace.context());
    expect(missing.isError).toBe(true);
    expect(resultText(missing)).toBe("File not found: src/config.ts. Did you mean: src/Config.ts?");
    expect(resultText(await read.run({ path: "src/Config.ts", offset: 5 }, workspace.context()))).toBe(
      "offset 5 is past the end of src/Config.ts, which has 1 line.",
    );
  });

  it("reports an empty file", async () => {
    workspace.write("empty.txt", "");
    expect(resultText(await read.run({ path: "empty.txt" }, workspace.context()))).toBe("(empty.txt is empty)");
  });

  it("records a read stamp of the whole file even for a partial window", async () => {
    const full = workspace.write("a.txt", lines(100));
    await read.run({ path: "a.txt", limit: 3 }, workspace.context());
    const stamp = readStamps(workspace.state).get(full);
    expect(stamp?.size).toBe(fs.statSync(full).size);
    expect(stamp?.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("refuses paths outside the workspace unless the call was allowed", async () => {
    fs.writeFileSync(path.join(workspace.outside, "secret.txt"), "top secret\n");
    fs.symlinkSync(path.join(workspace.outside, "secret.txt"), path.join(workspace.root, "link.txt"));
    const refused = await read.run({ path: "link.txt" }, workspace.context());
    expect(refused.isError).toBe(true);
    expect(resultText(refused)).toContain("outside the workspace");
    expect(resultText(refused)).not.toContain("top secret");
    const allowed = await read.run({ path: "link.txt" }, workspace.context({ allowOutsideWorkspace: true }));
    expect(resultText(allowed)).toContain("1\ttop secret");
  });

  it("turns invalid arguments into an error result", async () => {
    const result = await read.run({ path: "a.txt", offset: 0 } as never, workspace.context());
    expect(result.isError).toBe(true);
    expect(resultText(result)).toContain("Invalid arguments for read");
    expect(resultText(result)).toContain("offset");
  });
});
