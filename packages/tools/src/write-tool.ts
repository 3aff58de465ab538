import fs from "node:fs";
import path from "node:path";
import { z } from "zod";
import type { Tool, ToolResult } from "@bridle/core";
import { writeFileAtomic } from "./atomic-write.js";
import { defineTool } from "./define-tool.js";
import { applyLineEnding, dominantLineEnding } from "./line-endings.js";
import { withPathLock } from "./path-lock.js";
import { assertFreshRead, hashContent, recordReadStamp } from "./read-stamps.js";
import { countChangedLines, renderDiff } from "./render-diff.js";
import { resolveToolPath } from "./resolve-workspace-path.js";
import { decodeFileText, encodeFileText, encodingParameter } from "./text-encoding.js";
import { ToolError } from "./tool-error.js";

const parameters = z.object({
  path: z.string().describe("File to write: relative to the workspace root, or absolute."),
  content: z.string().describe("The complete new content of the file."),
  encoding: encodingParameter,
});

/** Arguments of the `write` tool. */
export type WriteArguments = z.infer<typeof parameters>;

const description =
  "Create a file, or replace a file's entire content. Missing parent directories are created. " +
  "To overwrite an existing file, read it first; to change part of a file, use edit instead.";

/**
 * The `write` tool: creates or replaces a whole file, atomically (temp file, fsync, rename, mode
 * kept). An existing file must have been read and be unchanged since. When replacing a file that
 * uses CRLF or starts with a BOM, content written with LF and no BOM is given the file's style.
 * `encoding: "latin1"` writes one byte per character (and is needed to replace a non-UTF-8 file).
 */
export function createWriteTool(): Tool<typeof parameters> {
  return defineTool({
    name: "write",
    description,
    kind: "edit",
    parameters,
    paths: (args) => [args.path],
    async run(args, context): Promise<ToolResult> {
      const target = resolveToolPath(context, args.path);
      const display = target.relative;

      return withPathLock(target.absolute, async () => {
        // Synchronous: short system calls, cheaper than a thread-pool hop each (see writeFileAtomic).
        const stat = fs.statSync(target.absolute, { throwIfNoEntry: false });
        if (stat && !stat.isFile()) throw new ToolError(`${display} exists and is not a regular file (a directory?).`);

        let before = "";
        let text = args.content;
        let bom = false;
        if (stat) {
          const bytes = fs.readFileSync(target.absolute);
          const decoded = decodeFileText(bytes, args.encoding, display, "write refuses to overwrite it");
          assertFreshRead(context.state, target.absolute, display, bytes, "overwrite");
          before = decoded.text;
          bom = decoded.bom && !text.startsWith("\uFEFF");
          if (dominantLineEnding(decoded.text) === "\r\n" && !text.includes("\r\n")) {
            text = applyLineEnding(text, "\r\n");
          }
        } else {
          fs.mkdirSync(path.dirname(target.absolute), { recursive: true });
        }

        const bytes = encodeFileText(text, args.encoding, bom, display);
        const written = await writeFileAtomic(target.absolute, bytes);
        recordReadStamp(context.state, target.absolute, {
          hash: hashContent(bytes),
          size: bytes.byteLength,
          mtimeMs: written.mtimeMs,
        });

        const diff = renderDiff(display, before.replace(/\r\n/g, "\n"), args.content.replace(/\r\n/g, "\n"));
        const { added, removed } = countChangedLines(diff);
        const lineCount = countLines(args.content);
        const verb = stat ? "Overwrote" : "Created";
        const changes = stat ? `, +${added} −${removed}` : "";
        const summary = `${verb} ${display} (${lineCount} line${lineCount === 1 ? "" : "s"}${changes})`;
        return { content: `${summary}.`, display: diff === undefined ? { summary } : { summary, diff } };
      });
    },
  });
}

function countLines(text: string): number {
  if (text === "") return 0;
  const newlines = text.split("\n").length - 1;
  return text.endsWith("\n") ? newlines : newlines + 1;
}
