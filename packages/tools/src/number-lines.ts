/** Lines prefixed the way `read` shows them: `<line number>\t<text>`, numbers right-aligned. */
export function numberLines(lines: readonly string[], firstLine: number): string {
  const width = String(firstLine + lines.length - 1).length;
  return lines.map((line, index) => `${String(firstLine + index).padStart(width)}\t${line}`).join("\n");
}

const LINE_NUMBER_PREFIX = /^ *\d+\t/;

/**
 * Removes `read`'s line-number prefixes when every non-empty line carries one — models often paste
 * them into `old_string`. Returns undefined when the text does not look like that.
 */
export function stripLineNumberPrefixes(text: string): string | undefined {
  const lines = text.split("\n");
  const nonEmpty = lines.filter((line) => line !== "");
  if (nonEmpty.length === 0 || !nonEmpty.every((line) => LINE_NUMBER_PREFIX.test(line))) return undefined;
  return lines.map((line) => line.replace(LINE_NUMBER_PREFIX, "")).join("\n");
}
