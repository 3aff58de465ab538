import type { AgentEvent, FeedEvent } from "@bridle/core";
import { formatTokens } from "@bridle/core";
import { clearInputLine, createInputLine, editInputLine, type LineKey, submitInputLine } from "./input-line.js";
import type { ModelPickerState } from "./model-picker-state.js";
import type { LiveTurn, NewTranscriptEntry, PermissionView, ScreenState } from "./screen-state.js";
import { tallyRepairs } from "../telemetry/repair-tally.js";
import { addUsage } from "./usage-totals.js";
import { describeToolCall } from "./describe-tool-call.js";
import { describeGatewayError, feedMessage } from "../headless/describe-gateway-error.js";

/** Everything that changes the screen. */
export type ScreenAction =
  /** An event of the running turn. */
  | { type: "agent-event"; event: AgentEvent }
  /** The user sent a prompt; a turn starts. */
  | { type: "turn-submitted"; text: string }
  /** Entries to print (slash-command reports, notes). */
  | { type: "print"; entries: NewTranscriptEntry[] }
  /** A feed event from the kernel, during a turn or between turns. */
  | { type: "feed"; event: FeedEvent }
  | { type: "notice"; text: string | undefined }
  /** A slash command started or finished a long piece of work. */
  | { type: "activity"; text: string | undefined }
  | { type: "toggle-reasoning" }
  /** Ctrl-C during a turn: the abort is on its way. */
  | { type: "cancel-requested" }
  /** A keypress for the prompt line. */
  | { type: "edit"; input: string; key: LineKey }
  /** The prompt line was sent (it goes to history). */
  | { type: "input-submitted" }
  | { type: "input-cleared" }
  /** Tab completion replaced the prompt's text (the cursor goes to its end). */
  | { type: "set-input"; text: string }
  | { type: "exit-armed"; armed: boolean }
  | { type: "permission"; view: PermissionView | undefined }
  /** `n` on a permission question: a line opens for what the agent should do instead. */
  | { type: "feedback-start" }
  | { type: "feedback-edit"; input: string; key: LineKey }
  | { type: "picker"; picker: ModelPickerState | undefined }
  | { type: "session-picker"; picker: ScreenState["sessionPicker"] }
  /** A prompt typed while a turn runs waits for it to end. */
  | { type: "queue"; text: string }
  /** The oldest queued prompt is being sent. */
  | { type: "dequeue" }
  | { type: "permission-mode"; mode: string }
  /** Print the last tool's whole output (ctrl-o) or the last turn's whole reasoning (ctrl-t). */
  | { type: "expand"; what: "tool" | "reasoning" }
  /** The screen was cleared for a new conversation (`/clear`, `/new`, `/resume`). */
  | { type: "reset"; entries: NewTranscriptEntry[] }
  /** The conversation changed outside a turn (compaction, switch): forget or replace the reported size. */
  | { type: "context-reported"; tokens: number | undefined };

/** Reasoning lines kept in the transcript: collapsed, or expanded with Ctrl-O. */
export const REASONING_LINES = { collapsed: 3, expanded: 40 } as const;

/** Lines of a tool's output or of reasoning printed by ctrl-o / ctrl-t; the rest is counted. */
export const EXPANDED_LINES = 400;

/**
 * The screen's state machine: a pure function from (state, action) to the next state. Completed
 * pieces of a turn (a paragraph run past the live limit, a finished answer, a tool result) move
 * to the transcript as soon as they are final, so the live area stays a few lines high.
 */
export function screenReducer(state: ScreenState, action: ScreenAction): ScreenState {
  switch (action.type) {
    case "agent-event":
      return applyAgentEvent(state, action.event);
    case "turn-submitted":
      return {
        ...print(state, [{ kind: "user", text: action.text }]),
        busy: true,
        turnStartedAt: Date.now(),
        streamedCharacters: 0,
        lastReasoning: "",
        live: { text: "", lineBreaks: 0, committed: "", reasoning: "", reasoningPrinted: false, tools: [], cancelling: false },
        notice: undefined,
        exitArmed: false,
      };
    case "print":
      return print(state, action.entries);
    case "feed": {
      const printed = print(state, [{ kind: "feed", level: action.event.level, message: feedMessage(action.event) }]);
      // The context engine's usage update (after a switch or a new calibration) is the best
      // count of the next request until the gateway reports one.
      const tokens = action.event.type === "context.usage" ? action.event.data?.tokens : undefined;
      const repairs = tallyRepairs(state.repairs, action.event);
      return { ...printed, repairs, ...(typeof tokens === "number" ? { reportedTokens: tokens } : {}) };
    }
    case "notice":
      return { ...state, notice: action.text };
    case "activity":
      return { ...state, activity: action.text };
    case "toggle-reasoning":
      return { ...state, reasoningExpanded: !state.reasoningExpanded };
    case "cancel-requested":
      return { ...state, live: state.live ? { ...state.live, cancelling: true } : undefined, permission: undefined, feedback: undefined, notice: undefined };
    case "edit":
      return { ...state, input: editInputLine(state.input, action.input, action.key), exitArmed: false, notice: state.exitArmed ? undefined : state.notice };
    case "input-submitted":
      return { ...state, input: submitInputLine(state.input), exitArmed: false };
    case "set-input":
      return { ...state, input: { ...state.input, text: action.text, cursor: action.text.length, historyIndex: undefined } };
    case "input-cleared":
      return { ...state, input: clearInputLine(state.input), exitArmed: false };
    case "exit-armed":
      return { ...state, exitArmed: action.armed, notice: action.armed ? "press ctrl-c again to exit (or type /exit)" : state.exitArmed ? undefined : state.notice };
    case "permission":
      return { ...state, permission: action.view, feedback: undefined };
    case "feedback-start":
      return state.permission ? { ...state, feedback: createInputLine() } : state;
    case "feedback-edit":
      return state.feedback ? { ...state, feedback: editInputLine(state.feedback, action.input, action.key) } : state;
    case "picker":
      return { ...state, picker: action.picker };
    case "session-picker":
      return { ...state, sessionPicker: action.picker };
    case "context-reported":
      return { ...state, reportedTokens: action.tokens };
    case "queue":
      return { ...state, queue: [...state.queue, action.text] };
    case "dequeue":
      return { ...state, queue: state.queue.slice(1) };
    case "permission-mode":
      return { ...state, permissionMode: action.mode };
    case "expand":
      return print(state, [expandedEntry(state, action.what)]);
    case "reset":
      return { ...print({ ...state, transcript: [], generation: state.generation + 1 }, action.entries), reportedTokens: undefined, totals: {}, lastToolOutput: undefined, lastReasoning: "", queue: [] };
  }
}

function applyAgentEvent(state: ScreenState, event: AgentEvent): ScreenState {
  const live = state.live ?? { text: "", lineBreaks: 0, committed: "", reasoning: "", reasoningPrinted: false, tools: [], cancelling: false };
  switch (event.type) {
    case "turn_start":
      return state;
    case "reasoning":
      return {
        ...state,
        streamedCharacters: state.streamedCharacters + event.text.length,
        lastReasoning: state.lastReasoning + event.text,
        live: { ...live, reasoning: live.reasoning + event.text },
      };
    case "text": {
      // Reasoning ends where the answer starts; it moves up so the answer streams right below it.
      const withReasoning = flushReasoning({ ...state, streamedCharacters: state.streamedCharacters + event.text.length }, live);
      const grown = { ...withReasoning.live, text: withReasoning.live.text + event.text, lineBreaks: withReasoning.live.lineBreaks + countLineBreaks(event.text) };
      return spillLongText(withReasoning.state, grown);
    }
    case "assistant": {
      // Reasoning that only the final message carries (not streamed) is kept for ctrl-t too.
      const unstreamed = live.reasoning.trim() === "" && !live.reasoningPrinted ? (event.message.reasoning ?? "") : "";
      const flushed = flushReasoning({ ...state, lastReasoning: state.lastReasoning + unstreamed }, live, event.message.reasoning);
      const done = flushed.live.committed;
      const final = event.message.content ?? "";
      // The final content wins over the stream when it extends what is already shown: harness
      // clean-up (a tool call leaked into the text and extracted) then never reaches the screen.
      let rest = final.startsWith(done) ? final.slice(done.length) : flushed.live.text;
      if (done === "") rest = rest.replace(/^\s*\n/, "");
      rest = rest.trimEnd();
      const next = { ...flushed.live, text: "", lineBreaks: 0, committed: "", reasoningPrinted: false };
      return { ...print(flushed.state, rest.trim() === "" ? [] : [{ kind: "text", text: rest }]), live: next };
    }
    case "tool_call": {
      const flushed = flushText(state, live);
      const call = describeToolCall(event.name, event.arguments);
      return { ...flushed.state, live: { ...flushed.live, tools: [...flushed.live.tools, { id: event.id, call, repairs: event.repairs }] } };
    }
    case "tool_result": {
      const pending = live.tools.find((tool) => tool.id === event.id);
      const result = event.isError ? firstLine(event.content) : event.summary;
      const entry: NewTranscriptEntry = {
        kind: "tool",
        call: pending?.call ?? event.name,
        ok: !event.isError,
        result,
        diff: event.isError ? undefined : event.diff,
        repairs: pending?.repairs ?? [],
      };
      return {
        ...print(state, [entry]),
        lastToolOutput: { call: entry.call, content: event.content },
        live: { ...live, tools: live.tools.filter((tool) => tool.id !== event.id) },
      };
    }
    case "usage":
      return { ...state, reportedTokens: event.contextTokens, totals: addUsage(state.totals, event.model, event.gateway, event.usage) };
    case "feed":
      // Feed events reach the screen through the kernel's onEvent hook (see the "feed" action),
      // which also sees those posted between turns; taking them here too would print them twice.
      return state;
    case "compaction":
      return {
        ...print(state, [{ kind: "note", tone: "info", text: `compacted the context from ${formatTokens(event.tokensBefore)} to ${formatTokens(event.tokensAfter)} tokens (${event.reason})` }]),
        reportedTokens: event.tokensAfter,
      };
    case "model_switch":
      return print(state, [{ kind: "note", tone: "warn", text: `switched to ${event.to.model} @ ${event.to.gateway} (${event.reason})` }]);
    case "interrupted_answer": {
      // The streamed text stays on screen, marked: the answer that follows (if any) is a new try.
      const flushed = flushText(state, live);
      const cleared = { ...flushed.live, text: "", lineBreaks: 0, committed: "" };
      return { ...print(flushed.state, [{ kind: "note", tone: "warn", text: `↑ interrupted answer, not part of the conversation (${event.reason})` }]), live: cleared };
    }
    case "error": {
      const described = describeGatewayError(event, state.keyVariable);
      return { ...print(state, [{ kind: "error", ...described }]), lastError: event.message };
    }
    case "done": {
      const flushed = flushText(state, live);
      const reasoning = flushReasoning(flushed.state, flushed.live);
      const unfinished: NewTranscriptEntry[] = reasoning.live.tools.map((tool) => ({
        kind: "tool",
        call: tool.call,
        ok: false,
        result: event.reason === "aborted" ? "cancelled" : "no result",
        diff: undefined,
        repairs: tool.repairs,
      }));
      // The error that ended the turn is already on screen: say it once.
      const message = event.message !== undefined && event.message === state.lastError ? undefined : event.message;
      const ending: NewTranscriptEntry[] = event.reason === "stop" || event.reason === "error" ? [] : [{ kind: "turn-end", reason: event.reason, message }];
      return { ...print(reasoning.state, [...unfinished, ...ending]), busy: false, turnStartedAt: undefined, live: undefined, permission: undefined, feedback: undefined };
    }
  }
}

/** The whole output of the last tool call, or the whole reasoning of the last turn, as one entry. */
function expandedEntry(state: ScreenState, what: "tool" | "reasoning"): NewTranscriptEntry {
  const text = what === "tool" ? state.lastToolOutput?.content : state.lastReasoning.trim();
  if (!text) return { kind: "note", tone: "info", text: what === "tool" ? "no tool has run yet in this conversation" : "the last turn had no reasoning" };
  const lines = text.split("\n");
  const title = what === "tool" ? `output of ${state.lastToolOutput!.call}` : "reasoning of the last turn";
  return { kind: "expanded", title, lines: lines.slice(0, EXPANDED_LINES), hiddenLines: Math.max(0, lines.length - EXPANDED_LINES) };
}

function print(state: ScreenState, entries: readonly NewTranscriptEntry[]): ScreenState {
  if (entries.length === 0) return state;
  let nextId = state.nextId;
  const numbered = entries.map((entry) => ({ ...entry, id: nextId++ }) as ScreenState["transcript"][number]);
  return { ...state, transcript: [...state.transcript, ...numbered], nextId };
}

function flushReasoning(state: ScreenState, live: LiveTurn, fallback?: string): { state: ScreenState; live: LiveTurn } {
  // The final message's reasoning stands in only when none was streamed in this step.
  const text = (live.reasoning.trim() !== "" ? live.reasoning : live.reasoningPrinted ? "" : (fallback ?? "")).trim();
  if (text === "") return { state, live: { ...live, reasoning: "" } };
  const lines = text.split("\n").filter((line) => line.trim() !== "");
  const cap = state.reasoningExpanded ? REASONING_LINES.expanded : REASONING_LINES.collapsed;
  const entry: NewTranscriptEntry = { kind: "reasoning", lines: lines.slice(-cap), hiddenLines: Math.max(0, lines.length - cap) };
  const next = { ...live, reasoning: "", reasoningPrinted: true };
  return { state: { ...print(state, [entry]), live: next }, live: next };
}

function flushText(state: ScreenState, live: LiveTurn): { state: ScreenState; live: LiveTurn } {
  let rest = live.text;
  if (live.committed === "") rest = rest.replace(/^\s*\n/, "");
  rest = rest.trimEnd();
  const next = { ...live, text: "", lineBreaks: 0, committed: "" };
  const printed = rest.trim() === "" ? state : print(state, [{ kind: "text", text: rest }]);
  return { state: { ...printed, live: next }, live: next };
}

/** Moves older complete lines to the transcript once the live text runs past the limit. */
function spillLongText(state: ScreenState, live: LiveTurn): ScreenState {
  if (live.lineBreaks <= state.liveLineLimit) return { ...state, live };
  const lines = live.text.split("\n");
  const spill = live.lineBreaks - Math.floor(state.liveLineLimit / 2);
  let offset = 0;
  for (let index = 0; index < spill; index++) offset += lines[index]!.length + 1;
  let text = live.text.slice(0, offset - 1);
  if (live.committed === "") text = text.replace(/^\s*\n/, "");
  const next = { ...live, text: live.text.slice(offset), lineBreaks: live.lineBreaks - spill, committed: live.committed + live.text.slice(0, offset) };
  return { ...print(state, text === "" ? [] : [{ kind: "text", text }]), live: next };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let index = text.indexOf("\n"); index !== -1; index = text.indexOf("\n", index + 1)) count += 1;
  return count;
}

function firstLine(text: string): string {
  const line = text.trim().split("\n")[0] ?? "";
  return line.length > 200 ? `${line.slice(0, 199)}…` : line;
}
