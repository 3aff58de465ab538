/** One diff line as the screen colors it. */
export interface DiffLine {
  kind: "add" | "remove" | "hunk" | "context";
  text: string;
}

/** Diff lines shown under an edit before the rest is summarized. */
export const DIFF_LINE_LIMIT = 12;

/**
 * A unified diff cut down for the screen: file headers dropped (the tool line names the file),
 * at most `limit` lines, and how many were left out.
 */
export function compactDiff(diff: string, limit = DIFF_LINE_LIMIT): { lines: DiffLine[]; hidden: number } {
  const lines: DiffLine[] = [];
  let hidden = 0;
  for (const raw of diff.split("\n")) {
    if (raw.startsWith("---") || raw.startsWith("+++") || raw.startsWith("Index:") || raw.startsWith("====") || raw === "\\ No newline at end of file") continue;
    const truncated = /^… (\d+) more diff lines$/.exec(raw);
    if (truncated) {
      hidden += Number(truncated[1]);
      continue;
    }
    if (lines.length >= limit) {
      hidden += 1;
      continue;
    }
    const kind = raw.startsWith("@@") ? "hunk" : raw.startsWith("+") ? "add" : raw.startsWith("-") ? "remove" : "context";
    lines.push({ kind, text: raw });
  }
  while (lines.length > 0 && lines.at(-1)!.kind === "context" && lines.at(-1)!.text.trim() === "") lines.pop();
  return { lines, hidden };
}
