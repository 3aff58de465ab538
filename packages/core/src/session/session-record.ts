import type { ChatMessage, Usage } from "../chat.js";
import type { FeedEvent } from "../feed-event.js";

/** The session file format version this code writes and reads. */
export const SESSION_FORMAT_VERSION = 1;

/** A model on a gateway, as a session records it (canonical model id, gateway id). */
export interface SessionModel {
  model: string;
  gateway: string;
}

/** First line of every session file. */
export interface SessionHeaderInput {
  type: "session";
  version: typeof SESSION_FORMAT_VERSION;
  /** Sortable session id, also the file name without `.jsonl`. */
  id: string;
  /** Absolute workspace path the session was started in. */
  workspace: string;
  model: string;
  gateway: string;
}

/** A complete user, assistant or tool message. Partial stream output is never logged. */
export interface MessageRecordInput {
  type: "message";
  turn: number;
  message: ChatMessage;
}

/** A tool call started a process group; synced, so a resume after a crash can find it still running. */
export interface ToolProcessRecordInput {
  type: "tool_process";
  turn: number;
  callId: string;
  pid: number;
  startMarker?: string;
  command?: string;
}

/** Appended and synced right before a tool runs, so a crash mid-tool is known on resume. */
export interface ToolStartRecordInput {
  type: "tool_start";
  turn: number;
  callId: string;
  name: string;
  arguments: Record<string, unknown>;
}

/** The whole conversation after a compaction; replay restarts from here, earlier records stay. */
export interface CompactionRecordInput {
  type: "compaction";
  turn: number;
  reason: string;
  tokensBefore: number;
  tokensAfter: number;
  messages: ChatMessage[];
}

/** The session moved to another model or gateway. */
export interface ModelSwitchRecordInput {
  type: "model_switch";
  turn: number;
  from: SessionModel;
  to: SessionModel;
  reason: string;
}

/** Token usage of one model response. */
export interface UsageRecordInput {
  type: "usage";
  turn: number;
  model: string;
  gateway: string;
  usage: Usage;
}

/** A feed line, kept so a resumed session can show what the harness did. */
export interface FeedRecordInput {
  type: "feed";
  event: FeedEvent;
}

/**
 * What a plugin keeps across resumes (per-model token calibration, compaction counters), under
 * its own key. Replay restores the latest value of each key.
 */
export interface StateRecordInput {
  type: "state";
  key: string;
  value: unknown;
}

/** The turn was cut short (Ctrl-C, kill, fatal error, a tool-call loop or the step limit the harness stopped). */
export interface InterruptedRecordInput {
  type: "interrupted";
  turn: number;
  reason: string;
}

/**
 * Answer text that streamed before its request failed (a cut connection, an in-stream error, an
 * idle stream). Kept so nothing shown is lost; never part of the conversation sent back.
 */
export interface InterruptedAnswerRecordInput {
  type: "interrupted_answer";
  turn: number;
  model: string;
  gateway: string;
  content: string;
  /** Why the answer stopped. */
  reason: string;
}

/** A record as callers append it, before `seq` and `at` are stamped. The header is written by `SessionLog.create`. */
export type SessionEntryInput =
  | MessageRecordInput
  | ToolStartRecordInput
  | ToolProcessRecordInput
  | CompactionRecordInput
  | ModelSwitchRecordInput
  | UsageRecordInput
  | FeedRecordInput
  | StateRecordInput
  | InterruptedRecordInput
  | InterruptedAnswerRecordInput;

/** Any record body, header included. */
export type SessionRecordInput = SessionHeaderInput | SessionEntryInput;

/** What every line carries besides its body. */
export interface RecordStamp {
  /** 1-based line sequence number, increasing by one per appended record. */
  seq: number;
  /** ISO 8601 time the record was appended. */
  at: string;
}

/** One line of a session file, discriminated by `type`. */
export type SessionRecord = SessionRecordInput & RecordStamp;

/** The stamped header record. */
export type SessionHeader = SessionHeaderInput & RecordStamp;

/** Every record type name, in the order the format documents them. */
export const SESSION_RECORD_TYPES = [
  "session",
  "message",
  "tool_start",
  "tool_process",
  "compaction",
  "model_switch",
  "usage",
  "feed",
  "state",
  "interrupted",
  "interrupted_answer",
] as const satisfies ReadonlyArray<SessionRecord["type"]>;
