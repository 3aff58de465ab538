import type { FeedEvent, TurnEnd } from "@bridle/core";
import { createInputLine, type InputLine } from "./input-line.js";
import type { ModelPickerState } from "./model-picker-state.js";
import type { Report } from "./report.js";
import type { SessionListing } from "./sessions-report.js";
import type { RepairTally } from "../telemetry/repair-tally.js";
import type { UsageTotals } from "./usage-totals.js";

/** Something printed for good above the live area (rendered once, through Ink's `<Static>`). */
export type TranscriptEntry =
  | { id: number; kind: "banner"; title: string; lines: string[] }
  | { id: number; kind: "user"; text: string }
  | { id: number; kind: "text"; text: string }
  | { id: number; kind: "reasoning"; lines: string[]; hiddenLines: number }
  | { id: number; kind: "tool"; call: string; ok: boolean; result: string | undefined; diff: string | undefined; repairs: string[] }
  | { id: number; kind: "feed"; level: FeedEvent["level"]; message: string }
  | { id: number; kind: "error"; message: string; details: string | undefined }
  | { id: number; kind: "note"; text: string; tone: "info" | "warn" | "error" }
  | { id: number; kind: "turn-end"; reason: TurnEnd; message: string | undefined }
  | { id: number; kind: "report"; report: Report }
  /** A tool's whole output or a turn's whole reasoning, printed on request (ctrl-o, ctrl-t). */
  | { id: number; kind: "expanded"; title: string; lines: string[]; hiddenLines: number };

type WithoutId<Entry> = Entry extends unknown ? Omit<Entry, "id"> : never;

/** An entry before the reducer numbers it. */
export type NewTranscriptEntry = WithoutId<TranscriptEntry>;

/** A tool call that started and has no result yet. */
export interface PendingToolCall {
  id: string;
  call: string;
  repairs: string[];
}

/** The turn being streamed, drawn below the transcript and redrawn as it changes. */
export interface LiveTurn {
  /** Text streamed in the current model step and not yet in the transcript. */
  text: string;
  /** Line breaks in `text`, counted as it streams so that each chunk costs only its own length. */
  lineBreaks: number;
  /** Text of the current step already moved to the transcript (long answers move early). */
  committed: string;
  /** Reasoning streamed in the current step and not yet in the transcript. */
  reasoning: string;
  /** The current step's reasoning is already in the transcript. */
  reasoningPrinted: boolean;
  tools: PendingToolCall[];
  cancelling: boolean;
}

/** What the permission prompt shows while a call waits for the user. */
export interface PermissionView {
  /** `edit src/a.ts`, `bash npm test`. */
  call: string;
  /** The tool's kind: `edit` or `execute` (reads outside the workspace ask too). */
  kind: string;
  reason: string;
  /** More of the call when one line cannot show it (a multi-line command). */
  detail: string | undefined;
  /** What a write or an edit will put in the file: `+`/`-` lines, cut to a few. */
  preview: string[] | undefined;
  /** What `[a]lways` allows for the rest of the session, in words. */
  always: string;
}

/** Everything the screen draws. The reducer is the only thing that changes it. */
export interface ScreenState {
  transcript: TranscriptEntry[];
  nextId: number;
  live: LiveTurn | undefined;
  /** A turn is running. */
  busy: boolean;
  /** A slash command that takes a while is running (`compacting`, `switching model`). */
  activity: string | undefined;
  /** Context tokens as the last usage event (or compaction) reported them; undefined until one does. */
  reportedTokens: number | undefined;
  totals: UsageTotals;
  /** The environment variable of a gateway's key, to name it when a key is refused. */
  keyVariable: ((gateway: string) => string | undefined) | undefined;
  /** The last error printed, so that the turn's end does not repeat it. */
  lastError: string | undefined;
  /** Bumped when the screen is cleared, so the printed transcript starts over. */
  generation: number;
  /** When the running turn started (ms since the epoch), for the elapsed time. */
  turnStartedAt: number | undefined;
  /** Characters of text and reasoning streamed in the running turn (about four per token). */
  streamedCharacters: number;
  /** Prompts typed while a turn runs, sent one by one when it ends. */
  queue: string[];
  /** The permission mode shown in the status line (shift-tab cycles it). */
  permissionMode: string;
  /** The last finished tool call and everything it returned to the model, for ctrl-o. */
  lastToolOutput: { call: string; content: string } | undefined;
  /** All the reasoning of the last (or running) turn, for ctrl-t. */
  lastReasoning: string;
  /** Tool-call repairs this session, for `/context`. */
  repairs: RepairTally;
  input: InputLine;
  /** One transient line above the prompt (`press ctrl-c again to exit`). */
  notice: string | undefined;
  /** Ctrl-C was pressed once on an empty prompt; a second press exits. */
  exitArmed: boolean;
  /** Reasoning shows a few lines (collapsed) or many (expanded); Ctrl-O toggles. */
  reasoningExpanded: boolean;
  permission: PermissionView | undefined;
  /** After `n`: what the user types to tell the agent what to do instead (undefined until then). */
  feedback: InputLine | undefined;
  picker: ModelPickerState | undefined;
  /** The `/resume` picker: the sessions and the highlighted one. */
  sessionPicker: { sessions: SessionListing[]; index: number } | undefined;
  /** Lines of streamed text kept live before older complete lines move to the transcript. */
  liveLineLimit: number;
}

/** Options of {@link createScreenState}. */
export interface ScreenStateOptions {
  /** Earlier prompts, oldest first, for Up/Down. */
  history?: readonly string[];
  /** Terminal rows; bounds the live area so that redraws stay cheap and never scroll. */
  rows?: number;
  permissionMode?: string;
  keyVariable?: (gateway: string) => string | undefined;
}

/** The state of a fresh screen. */
export function createScreenState(options: ScreenStateOptions = {}): ScreenState {
  return {
    transcript: [],
    nextId: 1,
    live: undefined,
    busy: false,
    activity: undefined,
    reportedTokens: undefined,
    generation: 0,
    keyVariable: options.keyVariable,
    lastError: undefined,
    turnStartedAt: undefined,
    streamedCharacters: 0,
    queue: [],
    permissionMode: options.permissionMode ?? "ask",
    lastToolOutput: undefined,
    lastReasoning: "",
    totals: {},
    repairs: {},
    input: createInputLine(options.history),
    notice: undefined,
    exitArmed: false,
    reasoningExpanded: false,
    permission: undefined,
    feedback: undefined,
    picker: undefined,
    sessionPicker: undefined,
    liveLineLimit: Math.max(6, (options.rows ?? 24) - 14),
  };
}
