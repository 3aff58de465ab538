import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Tool, ToolResult } from "@bridle/core";
import { defineTool } from "./define-tool.js";
import { formatSize } from "./format-size.js";
import { limits } from "./limits.js";
import { ALWAYS_SKIPPED_DIRECTORIES, comparePaths } from "./list-files.js";
import { resolveToolPath } from "./resolve-workspace-path.js";
import { ToolError } from "./tool-error.js";

const parameters = z.object({
  path: z.string().optional().describe("Directory to list. Default: the workspace root."),
});

/** Arguments of the `ls` tool. */
export type LsArguments = z.infer<typeof parameters>;

const description =
  'List a directory: subdirectories first (ending in "/"), then files with their sizes. ' +
  "Not recursive; .git and node_modules are not listed. Use glob to find files by pattern.";

interface Entry {
  name: string;
  line: string;
  directory: boolean;
}

/** The `ls` tool: one directory level with types and sizes, capped. */
export function createLsTool(): Tool<typeof parameters> {
  return defineTool({
    name: "ls",
    description,
    kind: "read",
    parameters,
    paths: (args) => [args.path ?? "."],
    async run(args, context): Promise<ToolResult> {
      const target = resolveToolPath(context, args.path ?? ".");
      const stat = await fs.stat(target.absolute).catch(() => undefined);
      if (!stat) throw new ToolError(`Directory not found: ${target.relative}.`);
      if (!stat.isDirectory()) {
        return {
          content: `${target.relative} is a file (${formatSize(stat.size)}). Use read to see its content.`,
          display: { summary: `ls ${target.relative}: a file` },
        };
      }

      const dirents = await fs.readdir(target.absolute, { withFileTypes: true });
      const skipped = dirents.filter((entry) => ALWAYS_SKIPPED_DIRECTORIES.includes(entry.name)).map((entry) => entry.name);
      const visible = dirents.filter((entry) => !ALWAYS_SKIPPED_DIRECTORIES.includes(entry.name));
      const entries = await Promise.all(visible.map((entry) => describeEntry(target.absolute, entry.name)));
      entries.sort((left, right) => Number(right.directory) - Number(left.directory) || comparePaths(left.name, right.name));

      const kept = entries.slice(0, limits.lsEntries);
      const header = `${target.relative === "." ? "./" : `${target.relative}/`} (${entries.length} entr${entries.length === 1 ? "y" : "ies"})`;
      const notes: string[] = [];
      if (kept.length < entries.length) notes.push(`showing the first ${kept.length}; use glob to narrow`);
      if (skipped.length > 0) notes.push(`not listed: ${skipped.sort().join(", ")}`);
      const body = kept.length > 0 ? kept.map((entry) => entry.line).join("\n") : "(empty directory)";
      return {
        content: `${header}\n${body}${notes.length > 0 ? `\n(${notes.join("; ")})` : ""}`,
        display: { summary: `ls ${target.relative}: ${entries.length} entries` },
      };
    },
  });
}

async function describeEntry(directory: string, name: string): Promise<Entry> {
  const full = path.join(directory, name);
  const stat = await fs.lstat(full).catch(() => undefined);
  if (!stat) return { name, line: `${name} (unreadable)`, directory: false };
  if (stat.isSymbolicLink()) {
    const linkTarget = await fs.readlink(full).catch(() => "?");
    const resolved = await fs.stat(full).catch(() => undefined);
    if (!resolved) return { name, line: `${name} -> ${linkTarget} (broken link)`, directory: false };
    if (resolved.isDirectory()) return { name, line: `${name}/ -> ${linkTarget}`, directory: true };
    return { name, line: `${name} -> ${linkTarget}`, directory: false };
  }
  if (stat.isDirectory()) return { name, line: `${name}/`, directory: true };
  if (stat.isFile()) return { name, line: `${name}  ${formatSize(stat.size)}`, directory: false };
  return { name, line: `${name} (special file)`, directory: false };
}
