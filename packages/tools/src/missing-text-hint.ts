import { numberLines } from "./number-lines.js";

const MAX_SHOWN_LINES = 20;

/**
 * Why `search` was not found in `fileText` (both LF-normalized), in a form the model can act on:
 * the same text with other whitespace or indentation (shown exactly as the file has it), a first
 * line that matches with the rest differing, or the closest lines by character bigrams.
 * Returns "" when nothing is close.
 */
export function missingTextHint(fileText: string, search: string): string {
  const fileLines = fileText.split("\n");
  const normalizedFile = fileLines.map(removeWhitespace);
  const searchLines = trimBlankLines(search.split("\n").map(removeWhitespace));
  if (searchLines.length === 0) return "";

  const blockStarts = findBlock(normalizedFile, searchLines);
  if (blockStarts.length > 0) {
    const first = blockStarts[0] ?? 0;
    const ranges = blockStarts.map((start) => lineRange(start + 1, start + searchLines.length));
    return (
      `The same text with different whitespace or indentation is at line${blockStarts.length > 1 || searchLines.length > 1 ? "s" : ""} ` +
      `${ranges.join(", ")}. The file has it exactly as:\n` +
      numberLines(fileLines.slice(first, first + Math.min(searchLines.length, MAX_SHOWN_LINES)), first + 1)
    );
  }

  const head = searchLines[0] ?? "";
  const headMatches = normalizedFile.flatMap((line, index) => (line === head && head !== "" ? [index] : []));
  if (headMatches.length > 0 && searchLines.length > 1) {
    const start = headMatches[0] ?? 0;
    const shown = Math.min(searchLines.length + 1, MAX_SHOWN_LINES);
    return (
      `The first line of old_string matches line ${start + 1}, but the lines after it differ. The file there reads:\n` +
      numberLines(fileLines.slice(start, start + shown), start + 1)
    );
  }

  const anchor = searchLines.find((line) => line.length >= 3) ?? head;
  const anchorGrams = bigrams(anchor);
  const scored = normalizedFile
    .map((line, index) => ({ index, score: line.length < 3 ? 0 : dice(anchorGrams, bigrams(line)) }))
    .filter((entry) => entry.score >= 0.5)
    .sort((left, right) => right.score - left.score || left.index - right.index)
    .slice(0, 3)
    .sort((left, right) => left.index - right.index);
  if (scored.length === 0) return "";
  return (
    "Closest lines in the file:\n" +
    scored.map((entry) => numberLines([fileLines[entry.index] ?? ""], entry.index + 1)).join("\n")
  );
}

function removeWhitespace(line: string): string {
  return line.replace(/\s+/g, "");
}

function trimBlankLines(lines: string[]): string[] {
  let start = 0;
  let end = lines.length;
  while (start < end && lines[start] === "") start += 1;
  while (end > start && lines[end - 1] === "") end -= 1;
  return lines.slice(start, end);
}

function findBlock(fileLines: string[], block: string[]): number[] {
  const starts: number[] = [];
  for (let start = 0; start + block.length <= fileLines.length && starts.length < 3; start += 1) {
    let matches = true;
    for (let offset = 0; offset < block.length; offset += 1) {
      if (fileLines[start + offset] !== block[offset]) {
        matches = false;
        break;
      }
    }
    if (matches) starts.push(start);
  }
  return starts;
}

function lineRange(first: number, last: number): string {
  return first === last ? String(first) : `${first}–${last}`;
}

function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  const lower = text.toLowerCase();
  for (let index = 0; index < lower.length - 1; index += 1) {
    const gram = lower.slice(index, index + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

function dice(left: Map<string, number>, right: Map<string, number>): number {
  let leftTotal = 0;
  let rightTotal = 0;
  let shared = 0;
  for (const count of left.values()) leftTotal += count;
  for (const count of right.values()) rightTotal += count;
  if (leftTotal + rightTotal === 0) return 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  return (2 * shared) / (leftTotal + rightTotal);
}
