import type { AssistantMessage, ChatMessage, ToolMessage } from "../chat.js";
import type { SessionRecord } from "./session-record.js";

/** Result given to a tool call that started but whose result never reached the log. */
export const INTERRUPTED_TOOL_RESULT =
  "Interrupted before the result was saved; the outcome is unknown. Check the state before repeating it.";

/** Result given to a tool call the session never started. */
export const NOT_RUN_TOOL_RESULT = "Not run: the session was interrupted before this call started.";

/** A tool call left without a result by an interrupted session. */
export interface PendingToolCall {
  callId: string;
  name: string;
  /** Turn of the assistant message that made the call. */
  turn: number;
  /** A `tool_start` was logged: the tool may have run, so it must not be run again blindly. */
  started: boolean;
  /** The process group the call started, when one was recorded (`tool_process`). */
  process?: { pid: number; startMarker?: string; command?: string };
}

/** Options of `replaySession`. */
export interface ReplayOptions {
  /**
   * The result text for a call that started but has no result, given what is known of it (its
   * process group, say, after checking whether it still runs). Default {@link INTERRUPTED_TOOL_RESULT}.
   */
  describeStarted?: (call: PendingToolCall) => string;
}

/** The conversation as it stands at the end of a session log. */
export interface ReplayedSession {
  /** Messages to send next, synthesized tool results included at their proper place. */
  messages: ChatMessage[];
  /** Canonical model id in use at the end of the log. */
  model: string;
  /** Gateway in use at the end of the log. */
  gateway: string;
  /** Highest turn number in the log (0 before the first turn). */
  turn: number;
  /** Tool calls that had no result, in the order they were made. */
  pendingToolCalls: PendingToolCall[];
  /** The tool messages made up for them; append each as a `message` record when resuming. */
  synthesized: ToolMessage[];
}

/**
 * Rebuilds the conversation from a session's records: starts from the header, applies messages,
 * restarts from the last compaction's messages, and follows model switches. A tool call with no
 * result gets an error result instead of being run again: "outcome unknown" if its `tool_start`
 * was logged, "not run" if not. Records must come in file order with the header first.
 */
export function replaySession(records: readonly SessionRecord[], options: ReplayOptions = {}): ReplayedSession {
  const header = records[0];
  if (header?.type !== "session") {
    throw new Error(`replaySession needs the records of a session file, header first; the first record is ${header ? `a ${header.type} record` : "missing"}`);
  }
  let model = header.model;
  let gateway = header.gateway;
  let turn = 0;
  let messages: ChatMessage[] = [];
  let turns: number[] = [];
  /** Call ids with a `tool_start`, per index of the assistant message that made them. */
  let started = new Map<number, Set<string>>();
  const processes = new Map<string, NonNullable<PendingToolCall["process"]>>();
  for (const record of records) {
    if ("turn" in record && record.turn > turn) turn = record.turn;
    switch (record.type) {
      case "message":
        messages.push(record.message);
        turns.push(record.turn);
        break;
      case "compaction": {
        messages = [...record.messages];
        turns = record.messages.map(() => record.turn);
        // A call kept open across the compaction may have run before it: carry its start over.
        const carried = [...started.values()].flatMap((ids) => [...ids]);
        started = new Map();
        for (const callId of carried) markStarted(messages, started, callId);
        break;
      }
      case "tool_start":
        markStarted(messages, started, record.callId);
        break;
      case "tool_process":
        processes.set(record.callId, {
          pid: record.pid,
          ...(record.startMarker ? { startMarker: record.startMarker } : {}),
          ...(record.command ? { command: record.command } : {}),
        });
        break;
      case "model_switch":
        model = record.to.model;
        gateway = record.to.gateway;
        break;
      default:
        break;
    }
  }
  return { model, gateway, turn, ...closeToolCalls(messages, turns, started, processes, options.describeStarted) };
}

function markStarted(messages: ChatMessage[], started: Map<number, Set<string>>, callId: string): void {
  // Some servers reuse ids such as "call_0" every turn: the start belongs to the latest caller.
  for (let index = messages.length - 1; index >= 0; index--) {
    const message = messages[index]!;
    if (message.role === "assistant" && message.toolCalls?.some((call) => call.id === callId)) {
      const ids = started.get(index) ?? new Set<string>();
      ids.add(callId);
      started.set(index, ids);
      return;
    }
  }
}

/**
 * Puts every tool call's result right after the assistant message that made it, as providers
 * require: results already there stay in their order (so the cached prefix is unchanged), a result
 * logged later is moved up, and a missing one is synthesized.
 */
function closeToolCalls(
  messages: ChatMessage[],
  turns: number[],
  started: Map<number, Set<string>>,
  processes: ReadonlyMap<string, NonNullable<PendingToolCall["process"]>>,
  describeStarted: ((call: PendingToolCall) => string) | undefined,
): Pick<ReplayedSession, "messages" | "pendingToolCalls" | "synthesized"> {
  const output: ChatMessage[] = [];
  const pendingToolCalls: PendingToolCall[] = [];
  const synthesized: ToolMessage[] = [];
  const consumed = new Set<number>();
  for (let index = 0; index < messages.length; index++) {
    if (consumed.has(index)) continue;
    const message = messages[index]!;
    output.push(message);
    if (message.role !== "assistant" || !message.toolCalls?.length) continue;
    const answered = new Set<string>();
    let next = index + 1;
    for (; next < messages.length && messages[next]!.role === "tool"; next++) {
      output.push(messages[next]!);
      consumed.add(next);
      answered.add((messages[next] as ToolMessage).toolCallId);
    }
    for (const call of message.toolCalls) {
      if (answered.has(call.id)) continue;
      answered.add(call.id);
      const later = findLaterResult(messages, consumed, next, call.id);
      if (later !== undefined) {
        output.push(messages[later]!);
        consumed.add(later);
        continue;
      }
      const wasStarted = started.get(index)?.has(call.id) ?? false;
      const group = wasStarted ? processes.get(call.id) : undefined;
      const pending: PendingToolCall = { callId: call.id, name: call.name, turn: turns[index] ?? 0, started: wasStarted, ...(group ? { process: group } : {}) };
      const result = syntheticResult(call, wasStarted ? (describeStarted?.(pending) ?? INTERRUPTED_TOOL_RESULT) : NOT_RUN_TOOL_RESULT);
      output.push(result);
      synthesized.push(result);
      pendingToolCalls.push(pending);
    }
  }
  return { messages: output, pendingToolCalls, synthesized };
}

/** A result for `callId` logged after other messages, but before any later call reusing the id. */
function findLaterResult(messages: ChatMessage[], consumed: Set<number>, from: number, callId: string): number | undefined {
  for (let index = from; index < messages.length; index++) {
    const message = messages[index]!;
    if (message.role === "assistant" && message.toolCalls?.some((call) => call.id === callId)) return undefined;
    if (message.role === "tool" && message.toolCallId === callId && !consumed.has(index)) return index;
  }
  return undefined;
}

function syntheticResult(call: NonNullable<AssistantMessage["toolCalls"]>[number], content: string): ToolMessage {
  return { role: "tool", toolCallId: call.id, name: call.name, content, isError: true };
}
