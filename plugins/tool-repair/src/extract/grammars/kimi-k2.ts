import { argumentsFromText } from "../read-arguments.js";
import { isToolName } from "../is-tool-name.js";
import { toolProperties, type ToolIndex } from "../tool-index.js";
import type { ExtractedToolCall } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";
import { findCallRun } from "./find-call-run.js";

/** Section openers: some K2 checkpoints emit the singular form. */
export const KIMI_SECTION_BEGIN = ["<|tool_calls_section_begin|>", "<|tool_call_section_begin|>"] as const;
const SECTION_END = ["<|tool_calls_section_end|>", "<|tool_call_section_end|>"] as const;
/** Opens one call; also a block opener when the section markers were stripped. */
export const KIMI_CALL_BEGIN = "<|tool_call_begin|>";
const CALL_END = "<|tool_call_end|>";
const ARGUMENT_BEGIN = ["<|tool_call_argument_begin|>", "<|tool_arguments_begin|>"] as const;

const QUALIFIED_ID = /^(?:functions\.)?([\p{L}\p{N}_\-.]+?):(\d+)$/u;

function firstOf(text: string, from: number, limit: number, needles: readonly string[]): { at: number; needle: string } | undefined {
  let best: { at: number; needle: string } | undefined;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at >= 0 && at < limit && (!best || at < best.at)) best = { at, needle };
  }
  return best;
}

/**
 * A bare counter id (`0`) names no function: use the only tool offered, or the one tool whose
 * declared properties cover every argument key. Anything ambiguous is refused, not guessed.
 */
function inferToolName(argumentsObject: Record<string, unknown> | undefined, tools: ToolIndex | undefined): string | undefined {
  if (!tools || tools.list.length === 0) return undefined;
  if (tools.list.length === 1) return tools.list[0]?.name;
  if (!argumentsObject) return undefined;
  const keys = Object.keys(argumentsObject);
  const matches = tools.list.filter((tool) => {
    const properties = toolProperties(tools, tool.name) ?? {};
    return keys.every((key) => Object.prototype.hasOwnProperty.call(properties, key));
  });
  return matches.length === 1 ? matches[0]?.name : undefined;
}

/** One `<|tool_call_begin|>ID<|tool_call_argument_begin|>ARGS` segment (its end marker excluded). */
function readCall(segment: string, tools: ToolIndex | undefined): ExtractedToolCall | undefined {
  const argumentMarker = firstOf(segment, 0, segment.length, ARGUMENT_BEGIN);
  if (!argumentMarker) return undefined;
  const id = segment.slice(0, argumentMarker.at).trim();
  const parsed = argumentsFromText(segment.slice(argumentMarker.at + argumentMarker.needle.length));
  const qualified = QUALIFIED_ID.exec(id);
  let name: string | undefined;
  if (qualified) name = qualified[1];
  else if (/^\d+$/.test(id)) name = inferToolName(parsed.rawArguments === undefined ? parsed.arguments : undefined, tools);
  if (name === undefined || !isToolName(name)) return undefined;
  return { id, name, ...parsed };
}

/** Calls between `from` and `limit`, each ending at its end marker, the next call, or `limit`. */
function readCalls(text: string, from: number, limit: number, tools: ToolIndex | undefined): ExtractedToolCall[] {
  const calls: ExtractedToolCall[] = [];
  let index = text.indexOf(KIMI_CALL_BEGIN, from);
  while (index >= 0 && index < limit) {
    const segmentStart = index + KIMI_CALL_BEGIN.length;
    const next = text.indexOf(KIMI_CALL_BEGIN, segmentStart);
    const nextAt = next >= 0 && next < limit ? next : limit;
    const endAt = text.indexOf(CALL_END, segmentStart);
    const segmentEnd = endAt >= 0 && endAt < nextAt ? endAt : nextAt;
    const call = readCall(text.slice(segmentStart, segmentEnd), tools);
    if (call) calls.push(call);
    index = next >= 0 && next < limit ? next : -1;
  }
  return calls;
}

/**
 * Kimi K2 `<|tool_calls_section_begin|><|tool_call_begin|>functions.NAME:IDX<|tool_call_argument_begin|>{…}<|tool_call_end|>…<|tool_calls_section_end|>`.
 * The native id is kept. Arguments that are not a JSON object (a truncated stream) pass through raw.
 * A call begin without a section opener is read the same way, up to the last consecutive call.
 */
export function parseKimiBlock(text: string, start: number, context: ParseContext): BlockResult {
  const opener = KIMI_SECTION_BEGIN.find((marker) => text.startsWith(marker, start)) ?? KIMI_CALL_BEGIN;
  const notACall: BlockResult = { kind: "text", end: start + opener.length };
  let limit: number;
  let end: number;
  if (opener !== KIMI_CALL_BEGIN) {
    const sectionEnd = firstOf(text, start + opener.length, text.length, SECTION_END);
    if (!sectionEnd && !context.final) return { kind: "incomplete" };
    limit = sectionEnd ? sectionEnd.at : text.length;
    end = sectionEnd ? sectionEnd.at + sectionEnd.needle.length : text.length;
  } else {
    // No section: consecutive calls, then an optional stray section end.
    const run = findCallRun(text, start, context.final, { callBegin: KIMI_CALL_BEGIN, callEnd: CALL_END, sectionEnds: SECTION_END });
    if (run.kind === "incomplete") return run;
    limit = run.limit;
    end = run.end;
  }
  const calls = readCalls(text, start, limit, context.tools);
  if (calls.length === 0) return notACall;
  return { kind: "block", end, calls, dropFollowingText: true };
}
