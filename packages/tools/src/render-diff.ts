import { FILE_HEADERS_ONLY, createTwoFilesPatch } from "diff";
import { limits } from "./limits.js";

/**
 * A unified diff of two LF-normalized texts for the terminal, cut to a bounded number of lines.
 * Returns undefined when the texts are equal or the diff is too costly to compute.
 */
export function renderDiff(displayPath: string, before: string, after: string): string | undefined {
  if (before === after) return undefined;
  const patch = createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, {
    context: 3,
    headerOptions: FILE_HEADERS_ONLY,
    // Bounds the work on huge rewrites; the caller then shows only the summary.
    maxEditLength: 20_000,
  });
  if (!patch) return undefined;
  const lines = patch.replace(/\n$/, "").split("\n");
  if (lines.length <= limits.diffLines) return lines.join("\n");
  return `${lines.slice(0, limits.diffLines).join("\n")}\n… ${lines.length - limits.diffLines} more diff lines`;
}

/** Lines added and removed between two LF-normalized texts, for one-line summaries. */
export function countChangedLines(diff: string | undefined): { added: number; removed: number } {
  let added = 0;
  let removed = 0;
  if (!diff) return { added, removed };
  for (const line of diff.split("\n")) {
    if (line.startsWith("+++") || line.startsWith("---")) continue;
    if (line.startsWith("+")) added += 1;
    else if (line.startsWith("-")) removed += 1;
  }
  return { added, removed };
}
