import { readFileSync } from "node:fs";
import { describeRecordProblem } from "./describe-record-problem.js";
import { SessionFileError } from "./session-file-error.js";
import type { SessionHeader, SessionRecord } from "./session-record.js";

/** A line that was not loaded, and why. */
export interface SkippedLine {
  /** 1-based line number in the file. */
  line: number;
  reason: string;
}

/** Everything usable in a session file. */
export interface SessionFileContents {
  header: SessionHeader;
  /** Every valid record in file order, the header first. */
  records: SessionRecord[];
  skipped: SkippedLine[];
  /** Highest `seq` among the valid records. */
  lastSeq: number;
  /** False when the file ends in a partial line, which the next append must not continue. */
  endsWithNewline: boolean;
}

/**
 * Reads a session file without locking or changing it. Bad lines are skipped and reported; a
 * missing or invalid header throws `SessionFileError`, since without it the file is not known
 * to be a session at all.
 */
export function readSessionFile(file: string): SessionFileContents {
  return parseSessionText(readText(file), file);
}

function readText(file: string): string {
  try {
    return readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new SessionFileError("SESSION_NOT_FOUND", file, `session file not found: ${file}`, { cause: error });
    }
    throw error;
  }
}

/** Parses the text of a session file; `file` only names it in errors. */
export function parseSessionText(text: string, file: string): SessionFileContents {
  const read = parseSessionLines(text);
  if (read.header === undefined) {
    const counted = read.records.length === 0 ? "" : `; ${read.records.length} record${read.records.length === 1 ? " after it is" : "s after it are"} readable`;
    throw new SessionFileError("SESSION_HEADER_INVALID", file, `${file} line 1 is not a valid session header: expected a "session" record, found ${read.headerProblem}${counted}; the file was left unchanged`);
  }
  const records: SessionRecord[] = [read.header, ...read.records];
  const lastSeq = records.reduce((highest, record) => Math.max(highest, record.seq), 0);
  return { header: read.header, records, skipped: read.skipped, lastSeq, endsWithNewline: read.endsWithNewline };
}

/** Every readable record of a session file, whether or not its header is. */
export interface SessionLines {
  header: SessionHeader | undefined;
  /** What line 1 holds instead of a header, when it is not one. */
  headerProblem: string | undefined;
  /** Valid records after line 1, in file order. */
  records: SessionRecord[];
  /** Lines after line 1 that could not be loaded. */
  skipped: SkippedLine[];
  endsWithNewline: boolean;
}

/**
 * Reads what a session file holds without judging its header: what `fork` copies from a file
 * whose first line is damaged. Never changes the file.
 */
export function readSessionLines(file: string): SessionLines {
  return parseSessionLines(readText(file));
}

function parseSessionLines(text: string): SessionLines {
  // Split on "\n" only: JSON strings may hold U+2028/U+2029, which line readers treat as breaks.
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const endsWithNewline = text.length === 0 || text.endsWith("\n");
  const lastIndex = endsWithNewline ? lines.length - 2 : lines.length - 1;
  const first = lines[0] ?? "";
  let header: SessionHeader | undefined;
  let headerProblem: string | undefined;
  if (first.trim() === "") headerProblem = "an empty line";
  else {
    const parsed = parseLine(first, lastIndex === 0 && !endsWithNewline);
    if ("record" in parsed && parsed.record.type === "session") header = parsed.record;
    else headerProblem = "reason" in parsed ? parsed.reason : `a ${parsed.record.type} record`;
  }
  const records: SessionRecord[] = [];
  const skipped: SkippedLine[] = [];
  for (let index = 1; index <= lastIndex; index++) {
    const line = lines[index]!;
    if (line.trim() === "") continue;
    const isUnterminated = index === lastIndex && !endsWithNewline;
    const parsed = parseLine(line, isUnterminated);
    if ("reason" in parsed) {
      skipped.push({ line: index + 1, reason: parsed.reason });
      continue;
    }
    if (parsed.record.type === "session") {
      skipped.push({ line: index + 1, reason: "a second session header" });
      continue;
    }
    records.push(parsed.record);
  }
  return { header, headerProblem, records, skipped, endsWithNewline };
}

function parseLine(line: string, isUnterminated: boolean): { record: SessionRecord } | { reason: string } {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (error) {
    return {
      reason: isUnterminated
        ? "incomplete last line, probably cut off by a crash while it was written"
        : `invalid JSON (${(error as Error).message})`,
    };
  }
  const problem = describeRecordProblem(value);
  return problem === undefined ? { record: value as SessionRecord } : { reason: problem };
}
