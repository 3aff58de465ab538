import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ChatMessage } from "../chat.js";
import { describeRecordProblem } from "./describe-record-problem.js";
import type { SessionRecord } from "./session-record.js";

/** One session as `/sessions` and `--continue` see it. */
export interface SessionSummary {
  id: string;
  file: string;
  workspace: string;
  /** ISO time of the header. */
  createdAt: string;
  /** ISO time of the last complete record. */
  updatedAt: string;
  /** Model and gateway in use at the end of the log. */
  model: string;
  gateway: string;
  /** The first user message, whitespace collapsed, cut at 200 characters. */
  firstUserText: string | undefined;
  /** Number of `message` records in the file. */
  messageCount: number;
}

const PREVIEW_LENGTH = 200;
/** A line written by `SessionLog` starts like this, so most lines need no JSON parsing at all. */
const LINE_START = /^\{"seq":\d+,"at":"([^"]*)","type":"([a-z_]+)"(?:,"turn":\d+,"message":\{"role":"([a-z]+)")?/;
const NEWLINE = 0x0a;

/**
 * The sessions in `directory`, most recently updated first. Each file is scanned once; only the
 * header, user messages and model switches are parsed. Files without a valid header are left out;
 * a missing directory lists nothing.
 */
export function listSessions(directory: string): SessionSummary[] {
  let names: string[];
  try {
    names = readdirSync(directory);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return [];
    throw error;
  }
  const sessions: SessionSummary[] = [];
  for (const name of names) {
    if (!name.endsWith(".jsonl")) continue;
    const summary = summarize(join(directory, name));
    if (summary) sessions.push(summary);
  }
  return sessions.sort((a, b) => compare(b.updatedAt, a.updatedAt) || compare(b.id, a.id));
}

/** The most recently updated session in `directory`, for `--continue`. */
export function latestSession(directory: string): SessionSummary | undefined {
  return listSessions(directory)[0];
}

function summarize(file: string): SessionSummary | undefined {
  let bytes: Buffer;
  try {
    if (!statSync(file).isFile()) return undefined;
    bytes = readFileSync(file);
  } catch {
    return undefined;
  }
  let start = 0;
  let summary: SessionSummary | undefined;
  while (start < bytes.length) {
    let end = bytes.indexOf(NEWLINE, start);
    if (end === -1) end = bytes.length;
    const line = bytes.subarray(start, end);
    const isTerminated = end < bytes.length;
    start = end + 1;
    if (summary === undefined) {
      summary = summarizeHeader(file, line);
      if (summary === undefined) return undefined;
    } else if (line.length > 0) {
      applyLine(summary, line, isTerminated);
    }
  }
  return summary;
}

function summarizeHeader(file: string, line: Buffer): SessionSummary | undefined {
  const header = parseRecord(line.toString("utf8").replace(/^\uFEFF/, ""));
  if (header?.type !== "session") return undefined;
  return {
    id: header.id,
    file,
    workspace: header.workspace,
    createdAt: header.at,
    updatedAt: header.at,
    model: header.model,
    gateway: header.gateway,
    firstUserText: undefined,
    messageCount: 0,
  };
}

function applyLine(summary: SessionSummary, line: Buffer, isTerminated: boolean): void {
  const start = LINE_START.exec(line.subarray(0, 160).toString("latin1"));
  // Most lines are counted from their first bytes; the JSON is parsed only for what the summary
  // shows, for lines in another layout, and for a final line the writer may not have finished.
  const needsParse =
    start === null ||
    !isTerminated ||
    start[2] === "model_switch" ||
    (start[2] === "message" && start[3] === "user" && summary.firstUserText === undefined);
  if (!needsParse) {
    if (!endsLikeJson(line)) return;
    summary.updatedAt = start[1]!;
    if (start[2] === "message") summary.messageCount++;
    return;
  }
  const record = parseRecord(line.toString("utf8"));
  if (record === undefined || record.type === "session") return;
  summary.updatedAt = record.at;
  if (record.type === "message") {
    summary.messageCount++;
    if (record.message.role === "user" && summary.firstUserText === undefined) summary.firstUserText = preview(record.message);
  } else if (record.type === "model_switch") {
    summary.model = record.to.model;
    summary.gateway = record.to.gateway;
  }
}

/** A line cut off mid-way almost never ends in `}`; a full parse would cost more than it saves. */
function endsLikeJson(line: Buffer): boolean {
  const last = line.at(-1) === 0x0d ? line.at(-2) : line.at(-1);
  return last === 0x7d;
}

function parseRecord(text: string): SessionRecord | undefined {
  try {
    const value: unknown = JSON.parse(text);
    return describeRecordProblem(value) === undefined ? (value as SessionRecord) : undefined;
  } catch {
    return undefined;
  }
}

function preview(message: Extract<ChatMessage, { role: "user" }>): string {
  const text =
    typeof message.content === "string"
      ? message.content
      : message.content.map((part) => (part.type === "text" ? part.text : "")).join(" ");
  const collapsed = text.replace(/\s+/g, " ").trim();
  return collapsed.length > PREVIEW_LENGTH ? `${collapsed.slice(0, PREVIEW_LENGTH - 1)}…` : collapsed;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
