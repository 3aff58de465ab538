import { isToolName } from "../is-tool-name.js";
import type { ExtractedToolCall } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";
import { findCallRun } from "./find-call-run.js";

/** Opens the calls section (fullwidth `｜` U+FF5C and `▁` U+2581, not ASCII look-alikes). */
export const DEEPSEEK_CALLS_BEGIN = "<｜tool▁calls▁begin｜>";
const CALLS_END = "<｜tool▁calls▁end｜>";
/** Opens one call; also a block opener when the section marker is missing. */
export const DEEPSEEK_CALL_BEGIN = "<｜tool▁call▁begin｜>";
const CALL_END = "<｜tool▁call▁end｜>";
const SEPARATOR = "<｜tool▁sep｜>";

const FENCED = /^\s*```[a-zA-Z]*[ \t]*\r?\n?([\s\S]*?)\r?\n?\s*```\s*$/;

function jsonObject(text: string): Record<string, unknown> | undefined {
  try {
    const value: unknown = JSON.parse(text.trim());
    return typeof value === "object" && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * One call body between its begin and end markers. V3 writes `function<｜tool▁sep｜>NAME` then
 * the arguments in a ```json fence; V3.1 writes `NAME<｜tool▁sep｜>ARGS`. Arguments that are not a
 * JSON object mean the call is not usable, as the reference parsers decide.
 */
function readCall(body: string): ExtractedToolCall | undefined {
  const separatorAt = body.indexOf(SEPARATOR);
  if (separatorAt < 0) return undefined;
  const head = body.slice(0, separatorAt).trim();
  const tail = body.slice(separatorAt + SEPARATOR.length);
  let name: string;
  let argumentText: string;
  const newline = tail.indexOf("\n");
  if (head === "function" && newline >= 0) {
    name = tail.slice(0, newline).trim();
    argumentText = tail.slice(newline + 1);
    const fenced = FENCED.exec(argumentText);
    if (fenced) argumentText = fenced[1] ?? "";
  } else {
    name = head;
    argumentText = tail;
  }
  if (!isToolName(name)) return undefined;
  const argumentsObject = argumentText.trim() === "" ? {} : jsonObject(argumentText);
  return argumentsObject ? { name, arguments: argumentsObject } : undefined;
}

function readCalls(text: string, from: number, limit: number): ExtractedToolCall[] {
  const calls: ExtractedToolCall[] = [];
  let index = text.indexOf(DEEPSEEK_CALL_BEGIN, from);
  while (index >= 0 && index < limit) {
    const bodyStart = index + DEEPSEEK_CALL_BEGIN.length;
    const endAt = text.indexOf(CALL_END, bodyStart);
    const next = text.indexOf(DEEPSEEK_CALL_BEGIN, bodyStart);
    if (endAt >= 0 && endAt < limit && (next < 0 || endAt < next)) {
      const call = readCall(text.slice(bodyStart, endAt));
      if (call) calls.push(call);
    }
    index = next;
  }
  return calls;
}

/**
 * DeepSeek V3 / R1 / V3.1 `<｜tool▁calls▁begin｜><｜tool▁call▁begin｜>…<｜tool▁call▁end｜><｜tool▁calls▁end｜>`
 * (fullwidth `｜` and `▁`). Each call needs its end marker; a block with no usable call is left in
 * the content untouched.
 */
export function parseDeepSeekBlock(text: string, start: number, context: ParseContext): BlockResult {
  const sectioned = text.startsWith(DEEPSEEK_CALLS_BEGIN, start);
  const opener = sectioned ? DEEPSEEK_CALLS_BEGIN : DEEPSEEK_CALL_BEGIN;
  const notACall: BlockResult = { kind: "text", end: start + opener.length };
  let limit: number;
  let end: number;
  if (sectioned) {
    const endAt = text.indexOf(CALLS_END, start + opener.length);
    if (endAt < 0 && !context.final) return { kind: "incomplete" };
    limit = endAt < 0 ? text.length : endAt;
    end = endAt < 0 ? text.length : endAt + CALLS_END.length;
  } else {
    // Calls without the section opener: consecutive calls, then an optional stray section end.
    const run = findCallRun(text, start, context.final, { callBegin: DEEPSEEK_CALL_BEGIN, callEnd: CALL_END, sectionEnds: [CALLS_END] });
    if (run.kind === "incomplete") return run;
    limit = run.limit;
    end = run.end;
  }
  const calls = readCalls(text, start, limit);
  if (calls.length === 0) return notACall;
  return { kind: "block", end, calls, dropFollowingText: true };
}
