import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Tool, ToolResult } from "@bridle/core";
import { defineTool } from "./define-tool.js";
import { limits } from "./limits.js";
import { comparePaths, listFiles } from "./list-files.js";
import { normalizeGlobPattern } from "./normalize-glob-pattern.js";
import { resolveToolPath, toPosix } from "./resolve-workspace-path.js";
import { ToolError } from "./tool-error.js";

const parameters = z.object({
  pattern: z
    .string()
    .describe('Glob pattern, e.g. "**/*.ts" or "src/**/*.{js,jsx}". A pattern without "/" matches file names at any depth.'),
  path: z.string().optional().describe("Directory to search in. Default: the workspace root."),
});

/** Arguments of the `glob` tool. */
export type GlobArguments = z.infer<typeof parameters>;

const description =
  "Find files by name pattern. Returns matching file paths, most recently modified first, " +
  `at most ${limits.globResults}. Files ignored by .gitignore, .git and node_modules are left out.`;

/**
 * The `glob` tool: files matching a pattern, sorted by modification time (newest first, ties by
 * path) because the files a model is working on are usually the recently changed ones.
 */
export function createGlobTool(): Tool<typeof parameters> {
  return defineTool({
    name: "glob",
    description,
    kind: "read",
    parameters,
    paths: (args) => [args.path ?? "."],
    async run(args, context): Promise<ToolResult> {
      const target = resolveToolPath(context, args.path ?? ".");
      const stat = await fs.stat(target.absolute).catch(() => undefined);
      if (!stat) throw new ToolError(`Directory not found: ${target.relative}.`);
      if (!stat.isDirectory()) throw new ToolError(`${target.relative} is a file, not a directory. Give a directory as path.`);

      const pattern = normalizeGlobPattern(args.pattern, target.absolute);
      const found = await listFiles(target.absolute, {
        patterns: [pattern],
        workspace: target.root,
        signal: context.signal,
      });
      const shown = (relative: string) => {
        const absolute = path.join(target.absolute, relative);
        return target.inside ? toPosix(path.relative(target.root, absolute)) : toPosix(absolute);
      };
      if (found.length === 0) {
        return {
          content: `No files match ${JSON.stringify(args.pattern)} in ${target.relative}.`,
          display: { summary: `glob ${args.pattern}: no files` },
        };
      }

      const timed = await Promise.all(
        found.map(async (relative) => {
          const fileStat = await fs.stat(path.join(target.absolute, relative)).catch(() => undefined);
          return { path: shown(relative), mtimeMs: fileStat?.mtimeMs ?? 0 };
        }),
      );
      timed.sort((left, right) => right.mtimeMs - left.mtimeMs || comparePaths(left.path, right.path));
      const kept = timed.slice(0, limits.globResults);
      const footer =
        kept.length < timed.length
          ? `(showing ${kept.length} of ${timed.length} files, most recently modified first; narrow the pattern or path)`
          : `(${timed.length} file${timed.length === 1 ? "" : "s"}, most recently modified first)`;
      return {
        content: `${kept.map((entry) => entry.path).join("\n")}\n${footer}`,
        display: { summary: `glob ${args.pattern}: ${timed.length} file${timed.length === 1 ? "" : "s"}` },
      };
    },
  });
}
