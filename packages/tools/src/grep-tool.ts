import fs from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import type { Tool, ToolResult } from "@bridle/core";
import { compileSearchPattern } from "./compile-search-pattern.js";
import { defineTool } from "./define-tool.js";
import { formatSize } from "./format-size.js";
import { limits } from "./limits.js";
import { listFiles } from "./list-files.js";
import { normalizeGlobPattern } from "./normalize-glob-pattern.js";
import { resolveToolPath, toPosix } from "./resolve-workspace-path.js";
import { ToolError } from "./tool-error.js";

const MAX_CONTEXT = 10;
const BATCH = 32;

const parameters = z.object({
  pattern: z.string().min(1).describe('Regular expression to search for (JavaScript syntax), e.g. "TODO" or "function\\s+load".'),
  path: z.string().optional().describe("File or directory to search. Default: the workspace root."),
  glob: z
    .string()
    .optional()
    .describe('Only search files matching this glob, e.g. "*.ts" or "src/**/*.{ts,tsx}". A glob without "/" matches file names at any depth.'),
  ignore_case: z.boolean().default(false).describe("Match case-insensitively. Default false."),
  output_mode: z
    .enum(["files_with_matches", "content", "count"])
    .default("files_with_matches")
    .describe(
      '"files_with_matches" (default): paths of files that match; "content": matching lines as path:line:text; "count": number of matching lines per file.',
    ),
  context: z
    .number()
    .int()
    .min(0)
    .default(0)
    .describe(`Lines to show before and after each match, in content mode. Default 0, at most ${MAX_CONTEXT}.`),
});

/** Arguments of the `grep` tool. */
export type GrepArguments = z.infer<typeof parameters>;

/** Options of the `grep` tool. */
export interface GrepToolOptions {
  /** Files whose content must not be searched (read deny rules), by real absolute path. */
  isDenied?: (absolutePath: string, workspace: string) => boolean;
}

const description =
  "Search file contents with a regular expression, line by line. Skips binary files, files ignored by .gitignore, " +
  ".git and node_modules. Results are sorted by path and capped; narrow them with path or glob.";

interface FileMatches {
  display: string;
  lines: string[];
  matched: number[];
}

/**
 * The `grep` tool, in plain JavaScript so it works where ripgrep is not installed. Files come
 * from `listFiles` (.gitignore honoured), are searched in path order in small parallel batches,
 * and the search stops once the output cap is reached, so results are deterministic.
 */
export function createGrepTool(options: GrepToolOptions = {}): Tool<typeof parameters> {
  return defineTool({
    name: "grep",
    description,
    kind: "read",
    parameters,
    paths: (args) => [args.path ?? "."],
    async run(args, context): Promise<ToolResult> {
      const regex = compileSearchPattern(args.pattern, args.ignore_case);
      // With the m flag, one test over the whole file rejects most files without splitting lines.
      const quickCheck = new RegExp(regex.source, regex.flags.includes("m") ? regex.flags : `${regex.flags}m`);
      const target = resolveToolPath(context, args.path ?? ".");
      const stat = await fs.stat(target.absolute).catch(() => undefined);
      if (!stat) throw new ToolError(`Path not found: ${target.relative}.`);

      let files: string[];
      if (stat.isDirectory()) {
        const patterns = args.glob === undefined ? undefined : [normalizeGlobPattern(args.glob, target.absolute)];
        const relative = await listFiles(target.absolute, {
          ...(patterns ? { patterns } : {}),
          workspace: target.root,
          signal: context.signal,
        });
        files = relative.map((file) => path.join(target.absolute, file));
      } else {
        files = [target.absolute];
      }
      const isDenied = options.isDenied;
      if (isDenied) files = files.filter((file) => !isDenied(file, target.root));
      const shown = (absolute: string) =>
        target.inside ? toPosix(path.relative(target.root, absolute)) : toPosix(absolute);

      const mode = args.output_mode;
      const contextLines = mode === "content" ? Math.min(args.context, MAX_CONTEXT) : 0;
      const results: FileMatches[] = [];
      const skippedLarge: string[] = [];
      let outputLines = 0;
      let stoppedEarly = false;
      for (let start = 0; start < files.length && !stoppedEarly; start += BATCH) {
        context.signal.throwIfAborted();
        const batch = await Promise.all(
          files.slice(start, start + BATCH).map((file) => searchFile(file, regex, quickCheck, skippedLarge)),
        );
        for (const [index, found] of batch.entries()) {
          if (!found) continue;
          results.push({ display: shown(files[start + index] ?? ""), ...found });
          outputLines += mode === "content" ? found.matched.length * (1 + 2 * contextLines) : 1;
          const cap = mode === "content" ? limits.grepContentLines : limits.grepFiles;
          // One result past the cap tells render that more exist.
          if (outputLines > cap) {
            stoppedEarly = true;
            break;
          }
        }
      }

      const rendered = render(results, mode, contextLines);
      const summaryCount = results.reduce((total, entry) => total + entry.matched.length, 0);
      if (results.length === 0) {
        const skipped = skippedLarge.length > 0 ? ` (${skippedLarge.length} file(s) over ${formatSize(limits.grepFileBytes)} skipped)` : "";
        return {
          content: `No matches for /${args.pattern}/ in ${target.relative}${args.glob ? ` (glob ${args.glob})` : ""}.${skipped}`,
          display: { summary: `grep ${args.pattern}: no matches` },
        };
      }
      const notes: string[] = [];
      if (mode === "count") notes.push(`${summaryCount} matching lines in ${results.length} files`);
      else if (mode === "files_with_matches") notes.push(`${results.length} file${results.length === 1 ? "" : "s"}`);
      if (stoppedEarly || rendered.cut) notes.push("results capped; more matches exist — narrow with path, glob or a more specific pattern");
      if (skippedLarge.length > 0) notes.push(`${skippedLarge.length} file(s) over ${formatSize(limits.grepFileBytes)} skipped`);
      return {
        content: notes.length > 0 ? `${rendered.text}\n(${notes.join("; ")})` : rendered.text,
        display: { summary: `grep ${args.pattern}: ${summaryCount} match${summaryCount === 1 ? "" : "es"} in ${results.length} file${results.length === 1 ? "" : "s"}` },
      };
    },
  });
}

async function searchFile(
  absolute: string,
  regex: RegExp,
  quickCheck: RegExp,
  skippedLarge: string[],
): Promise<{ lines: string[]; matched: number[] } | undefined> {
  let bytes: Buffer;
  try {
    const stat = await fs.stat(absolute);
    if (!stat.isFile()) return undefined;
    if (stat.size > limits.grepFileBytes) {
      skippedLarge.push(absolute);
      return undefined;
    }
    bytes = await fs.readFile(absolute);
  } catch {
    // Vanished or unreadable since it was listed: nothing to report.
    return undefined;
  }
  if (bytes.subarray(0, 8192).includes(0)) return undefined;
  const text = bytes.toString("utf8");
  if (!quickCheck.test(text)) return undefined;
  const lines = text.split(text.includes("\r") ? /\r?\n/ : "\n");
  if (lines.length > 0 && lines[lines.length - 1] === "") lines.pop();
  const matched: number[] = [];
  for (const [index, line] of lines.entries()) if (regex.test(line)) matched.push(index);
  return matched.length > 0 ? { lines, matched } : undefined;
}

function render(
  results: FileMatches[],
  mode: GrepArguments["output_mode"],
  contextLines: number,
): { text: string; cut: boolean } {
  const out: string[] = [];
  let chars = 0;
  const push = (line: string): boolean => {
    if (out.length >= (mode === "content" ? limits.grepContentLines : limits.grepFiles)) return false;
    if (chars + line.length + 1 > limits.grepOutputChars) return false;
    out.push(line);
    chars += line.length + 1;
    return true;
  };
  for (const result of results) {
    if (mode === "files_with_matches") {
      if (!push(result.display)) return { text: out.join("\n"), cut: true };
      continue;
    }
    if (mode === "count") {
      if (!push(`${result.display}:${result.matched.length}`)) return { text: out.join("\n"), cut: true };
      continue;
    }
    const matchedSet = new Set(result.matched);
    let previousEnd = -2;
    for (const index of result.matched) {
      const from = Math.max(0, index - contextLines, previousEnd + 1);
      const to = Math.min(result.lines.length - 1, index + contextLines);
      if (contextLines > 0 && out.length > 0 && from > previousEnd + 1 && !push("--")) {
        return { text: out.join("\n"), cut: true };
      }
      for (let line = from; line <= to; line += 1) {
        const separator = matchedSet.has(line) ? ":" : "-";
        if (!push(`${result.display}${separator}${line + 1}${separator}${clip(result.lines[line] ?? "")}`)) {
          return { text: out.join("\n"), cut: true };
        }
      }
      previousEnd = Math.max(previousEnd, to);
    }
  }
  return { text: out.join("\n"), cut: false };
}

function clip(line: string): string {
  if (line.length <= limits.grepLineChars) return line;
  const code = line.charCodeAt(limits.grepLineChars - 1);
  const end = code >= 0xd800 && code <= 0xdbff ? limits.grepLineChars - 1 : limits.grepLineChars;
  return `${line.slice(0, end)} … [${line.length} chars]`;
}
