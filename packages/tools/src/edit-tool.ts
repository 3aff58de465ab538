import fs from "node:fs";
import { z } from "zod";
import type { Tool, ToolResult } from "@bridle/core";
import { writeFileAtomic } from "./atomic-write.js";
import { defineTool } from "./define-tool.js";
import { applyLineEnding, dominantLineEnding, normalizeLineEndings, originalIndex } from "./line-endings.js";
import { missingFileMessage } from "./missing-file-message.js";
import { missingTextHint } from "./missing-text-hint.js";
import { numberLines, stripLineNumberPrefixes } from "./number-lines.js";
import { withPathLock } from "./path-lock.js";
import { assertFreshRead, hashContent, recordReadStamp } from "./read-stamps.js";
import { countChangedLines, renderDiff } from "./render-diff.js";
import { resolveToolPath } from "./resolve-workspace-path.js";
import { decodeFileText, encodeFileText, encodingParameter } from "./text-encoding.js";
import { ToolError } from "./tool-error.js";

const parameters = z.object({
  path: z.string().describe("File to edit: relative to the workspace root, or absolute."),
  old_string: z
    .string()
    .describe(
      "Exact text to replace, including indentation and without the line-number prefixes read shows. Must occur exactly once unless replace_all is true.",
    ),
  new_string: z.string().describe("Text to put in its place; must differ from old_string."),
  replace_all: z.boolean().default(false).describe("Replace every occurrence of old_string. Default false."),
  encoding: encodingParameter,
});

/** Arguments of the `edit` tool. */
export type EditArguments = z.infer<typeof parameters>;

const description =
  "Replace exact text in a file. old_string must match the file character for character and occur once: " +
  "include a few surrounding lines to make it unique, or set replace_all to change every occurrence. " +
  "Read the file first. The file's line endings and encoding are kept.";

/** Lines of the edited region shown back to the model, at most. */
const SNIPPET_LINES = 20;

/**
 * The `edit` tool: exact, unique string replacement. Matching ignores CRLF vs LF, but the bytes
 * outside the replaced spans are written back unchanged and the new text takes the line ending of
 * the text it replaces; a UTF-8 BOM is kept. Requires a fresh read (content hash), writes
 * atomically under a per-file lock, and puts a unified diff in `display.diff`. A file that is not
 * UTF-8 is refused unless the call says `encoding: "latin1"`, which keeps every byte.
 */
export function createEditTool(): Tool<typeof parameters> {
  return defineTool({
    name: "edit",
    description,
    kind: "edit",
    parameters,
    paths: (args) => [args.path],
    async run(args, context): Promise<ToolResult> {
      if (args.old_string === "") {
        throw new ToolError(
          "old_string is empty. To create a file use write; to insert text, include a neighbouring line in both old_string and new_string.",
        );
      }
      if (args.old_string === args.new_string) {
        throw new ToolError("old_string and new_string are identical, so there is nothing to change.");
      }
      const target = resolveToolPath(context, args.path);
      const display = target.relative;
      if (!target.exists) {
        throw new ToolError(await missingFileMessage(target.absolute, display, "Use write to create a new file."));
      }

      return withPathLock(target.absolute, async () => {
        // Synchronous: short system calls, cheaper than a thread-pool hop each (see writeFileAtomic).
        const stat = fs.statSync(target.absolute);
        if (!stat.isFile()) throw new ToolError(`${display} is not a regular file.`);
        const bytes = fs.readFileSync(target.absolute);
        const decoded = decodeFileText(bytes, args.encoding, display, "edit refuses to change it");
        assertFreshRead(context.state, target.absolute, display, bytes, "edit");

        const normalized = normalizeLineEndings(decoded.text);
        let search = args.old_string.replace(/\r\n/g, "\n");
        let replacement = args.new_string.replace(/\r\n/g, "\n");
        let starts = findOccurrences(normalized.text, search);
        let note = "";
        if (starts.length === 0) {
          const stripped = stripLineNumberPrefixes(search);
          const strippedStarts = stripped === undefined ? [] : findOccurrences(normalized.text, stripped);
          if (stripped !== undefined && strippedStarts.length > 0) {
            search = stripped;
            replacement = stripLineNumberPrefixes(replacement) ?? replacement;
            starts = strippedStarts;
            note = " (the line-number prefixes copied from read were removed from old_string)";
          }
        }
        if (starts.length === 0) {
          const hint = missingTextHint(normalized.text, search);
          throw new ToolError(
            `old_string was not found in ${display}. It must match the file exactly, including whitespace and indentation.` +
              (hint ? `\n${hint}` : " Read the file again to see its current content."),
          );
        }
        const lines = lineNumbersOf(normalized.text, starts);
        if (starts.length > 1 && !args.replace_all) {
          throw new ToolError(
            `old_string occurs ${starts.length} times in ${display} (lines ${lines.join(", ")}). ` +
              "Include more surrounding lines to make it unique, or set replace_all to true to replace every occurrence.",
          );
        }

        const fallbackEnding = dominantLineEnding(decoded.text);
        let output = "";
        let from = 0;
        for (const start of starts) {
          const spanStart = originalIndex(normalized, start);
          const spanEnd = originalIndex(normalized, start + search.length);
          const span = decoded.text.slice(spanStart, spanEnd);
          const ending = span.includes("\r\n") ? "\r\n" : span.includes("\n") ? "\n" : fallbackEnding;
          output += decoded.text.slice(from, spanStart) + applyLineEnding(replacement, ending);
          from = spanEnd;
        }
        output += decoded.text.slice(from);

        const newBytes = encodeFileText(output, args.encoding, decoded.bom, display);
        const written = await writeFileAtomic(target.absolute, newBytes);
        recordReadStamp(context.state, target.absolute, {
          hash: hashContent(newBytes),
          size: newBytes.byteLength,
          mtimeMs: written.mtimeMs,
        });

        const after = normalizeLineEndings(output).text;
        const diff = renderDiff(display, normalized.text, after);
        const { added, removed } = countChangedLines(diff);
        const where = starts.length === 1 ? `line ${lines[0]}` : `lines ${lines.join(", ")}`;
        let content = `Edited ${display}: replaced ${starts.length} occurrence${starts.length === 1 ? "" : "s"} at ${where}${note}.`;
        if (starts.length === 1) {
          const snippet = editedSnippet(after, lines[0] ?? 1, replacement);
          if (snippet) content += `\n${snippet}`;
        }
        return {
          content,
          display: diff === undefined ? { summary: `Edited ${display}` } : { summary: `Edited ${display} (+${added} −${removed})`, diff },
        };
      });
    },
  });
}

function findOccurrences(text: string, search: string): number[] {
  const starts: number[] = [];
  for (let index = text.indexOf(search); index !== -1; index = text.indexOf(search, index + search.length)) {
    starts.push(index);
  }
  return starts;
}

function lineNumbersOf(text: string, starts: readonly number[]): number[] {
  const numbers: number[] = [];
  let line = 1;
  let position = 0;
  for (const start of starts) {
    for (let index = text.indexOf("\n", position); index !== -1 && index < start; index = text.indexOf("\n", index + 1)) {
      line += 1;
      position = index + 1;
    }
    numbers.push(line);
  }
  return numbers;
}

function editedSnippet(after: string, firstLine: number, replacement: string): string | undefined {
  const lines = (after.endsWith("\n") ? after.slice(0, -1) : after).split("\n");
  const changedLines = replacement.split("\n").length;
  const from = Math.max(1, firstLine - 2);
  const to = Math.min(lines.length, firstLine + changedLines - 1 + 2);
  if (to - from + 1 > SNIPPET_LINES) return undefined;
  return numberLines(lines.slice(from - 1, to), from);
}
