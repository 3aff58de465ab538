import fs from "node:fs/promises";
import { z } from "zod";
import type { Tool, ToolResult } from "@bridle/core";
import { defineTool } from "./define-tool.js";
import { formatSize } from "./format-size.js";
import { limits } from "./limits.js";
import { missingFileMessage } from "./missing-file-message.js";
import { hashContent, recordReadStamp } from "./read-stamps.js";
import { resolveToolPath } from "./resolve-workspace-path.js";
import { scanLines } from "./scan-lines.js";
import { sniffContent } from "./sniff-content.js";
import { LATIN1_HINT, encodingParameter } from "./text-encoding.js";
import { ToolError } from "./tool-error.js";

const parameters = z.object({
  path: z.string().describe("File to read: relative to the workspace root, or absolute."),
  offset: z.number().int().min(1).optional().describe("Line number to start at (1-based). Default 1."),
  limit: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe(`Number of lines to return. Default ${limits.readLines}.`),
  encoding: encodingParameter,
});

/** Arguments of the `read` tool. */
export type ReadArguments = z.infer<typeof parameters>;

const description =
  `Read a text file. Returns lines as "<line number>\\t<text>", up to ${limits.readLines} lines or ` +
  `${limits.readBytes / 1024} KB; use offset and limit for the rest of a long file. ` +
  "PNG, JPEG, GIF and WebP images are returned as images. Read a file before you edit or overwrite it.";

/**
 * The `read` tool: a line-numbered window of a text file, or an image as a data URL. Binary and
 * non-UTF-8 files are refused with their size and kind. Records a read stamp (hash, size, mtime)
 * that `edit` and `write` check before changing the file.
 */
export function createReadTool(): Tool<typeof parameters> {
  return defineTool({
    name: "read",
    description,
    kind: "read",
    parameters,
    paths: (args) => [args.path],
    async run(args, context): Promise<ToolResult> {
      const target = resolveToolPath(context, args.path);
      const display = target.relative;
      const stat = await fs.stat(target.absolute).catch(() => undefined);
      if (!stat) throw new ToolError(await missingFileMessage(target.absolute, display, ""));
      if (stat.isDirectory()) throw new ToolError(`${display} is a directory, not a file. Use ls to list it.`);
      if (!stat.isFile()) throw new ToolError(`${display} is not a regular file (a device, socket or pipe).`);

      const handle = await fs.open(target.absolute, "r");
      try {
        const sample = Buffer.alloc(Math.min(limits.sniffBytes, stat.size));
        const { bytesRead } = await handle.read(sample, 0, sample.length, 0);
        // An explicit single-byte encoding reads any bytes as text, one character each.
        const sniff = args.encoding === "latin1" ? ({ kind: "text" } as const) : sniffContent(sample.subarray(0, bytesRead), bytesRead >= stat.size);

        if (sniff.kind === "image") {
          if (stat.size > limits.imageBytes) {
            throw new ToolError(
              `${display} is a ${sniff.label} of ${formatSize(stat.size)}, over the ${formatSize(limits.imageBytes)} limit for images.`,
            );
          }
          const bytes = await handle.readFile();
          recordReadStamp(context.state, target.absolute, {
            hash: hashContent(bytes),
            size: bytes.byteLength,
            mtimeMs: stat.mtimeMs,
          });
          return {
            content: [
              { type: "text", text: `${display}: ${sniff.label}, ${formatSize(stat.size)}` },
              { type: "image", url: `data:${sniff.mediaType};base64,${bytes.toString("base64")}`, mediaType: sniff.mediaType },
            ],
            display: { summary: `Read ${display} (${sniff.label}, ${formatSize(stat.size)})` },
          };
        }
        if (sniff.kind === "binary") {
          throw new ToolError(
            `${display} is not a text file: ${sniff.label}, ${formatSize(stat.size)}. read shows UTF-8 text and images only.` +
              (sniff.legacyText ? ` ${LATIN1_HINT}` : ""),
          );
        }

        const offset = args.offset ?? 1;
        const scanned = await scanLines(handle, {
          offset,
          limit: args.limit ?? limits.readLines,
          maxLineChars: limits.readLineChars,
          maxBytes: limits.readBytes,
          ...(args.encoding === "latin1" ? { encoding: "latin1" as const } : {}),
        });
        recordReadStamp(context.state, target.absolute, {
          hash: scanned.hash,
          size: scanned.size,
          mtimeMs: stat.mtimeMs,
        });

        if (scanned.totalLines === 0) {
          return { content: `(${display} is empty)`, display: { summary: `Read ${display} (empty)` } };
        }
        if (offset > scanned.totalLines) {
          throw new ToolError(
            `offset ${offset} is past the end of ${display}, which has ${lineCount(scanned.totalLines)}.`,
          );
        }

        const width = String(scanned.lastLine).length;
        const numbered = scanned.lines.map((line, index) => `${String(offset + index).padStart(width)}\t${line}`);
        let footer = `(file has ${lineCount(scanned.totalLines)}, showing ${offset}–${scanned.lastLine}`;
        if (scanned.truncatedLines > 0) {
          footer += `; ${scanned.truncatedLines} long line${scanned.truncatedLines === 1 ? "" : "s"} truncated`;
        }
        if (scanned.lastLine < scanned.totalLines) footer += `; continue with offset=${scanned.lastLine + 1}`;
        footer += ")";
        return {
          content: `${numbered.join("\n")}\n\n${footer}`,
          display: { summary: `Read ${display} (lines ${offset}–${scanned.lastLine} of ${scanned.totalLines})` },
        };
      } finally {
        await handle.close();
      }
    },
  });
}

function lineCount(count: number): string {
  return count === 1 ? "1 line" : `${count} lines`;
}
