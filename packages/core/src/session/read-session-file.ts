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
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") {
      throw new SessionFileError("SESSION_NOT_FOUND", file, `session file not found: ${file}`, { cause: error });
    }
    throw error;
  }
  return parseSessionText(text, file);
}

/** Parses the text of a session file; `file` only names it in errors. */
export function parseSessionText(text: string, file: string): SessionFileContents {
  // Split on "\n" only: JSON strings may hold U+2028/U+2029, which line readers treat as breaks.
  const lines = text.replace(/^\uFEFF/, "").split("\n");
  const endsWithNewline = text.length === 0 || text.endsWith("\n");
  const lastIndex = endsWithNewline ? lines.length - 2 : lines.length - 1;
  const header = parseHeader(lines[0] ?? "", file, lastIndex === 0 && !endsWithNewline);
  const records: SessionRecord[] = [header];
  const skipped: SkippedLine[] = [];
  let lastSeq = header.seq;
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
    if (parsed.record.seq > lastSeq) lastSeq = parsed.record.seq;
  }
  return { header, records, skipped, lastSeq, endsWithNewline };
}

function parseHeader(line: string, file: string, isUnterminated: boolean): SessionHeader {
  if (line.trim() === "") {
    throw new SessionFileError("SESSION_HEADER_INVALID", file, `${file} has no session header on line 1; the file was left unchanged`);
  }
  const parsed = parseLine(line, isUnterminated);
  if ("record" in parsed && parsed.record.type === "session") return parsed.record;
  const reason = "reason" in parsed ? parsed.reason : `a ${parsed.record.type} record`;
  throw new SessionFileError("SESSION_HEADER_INVALID", file, `${file} line 1 is not a valid session header (${reason}); the file was left unchanged`);
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
