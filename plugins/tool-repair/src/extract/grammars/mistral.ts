import { argumentsFromValue } from "../read-arguments.js";
import { isToolName } from "../is-tool-name.js";
import { readJsonValue, scanJsonValue } from "../scan-json-value.js";
import type { ExtractedToolCall } from "../types.js";
import { callFromJsonObject } from "./hermes.js";
import type { BlockResult, ParseContext } from "./block-result.js";

/** Mistral's special token before every call (v11+) or before the call array (pre-v11). */
export const MISTRAL_TOOL_CALLS = "[TOOL_CALLS]";
const CALL_ID = "[CALL_ID]";
const ARGS = "[ARGS]";
const NAME_CHARACTER = /[\p{L}\p{N}_\-.]/u;

function skipWhitespace(text: string, index: number): number {
  let position = index;
  while (position < text.length && /\s/.test(text.charAt(position))) position += 1;
  return position;
}

/** A pre-v11 `[{"name": …, "arguments": …}, …]` array at `index`, or why it is not one. */
function readArray(text: string, index: number, final: boolean): { calls: ExtractedToolCall[]; end: number } | "incomplete" | undefined {
  const read = readJsonValue(text, index);
  if (read.status === "incomplete") return final ? undefined : "incomplete";
  if (read.status === "invalid" || !Array.isArray(read.value) || read.value.length === 0) return undefined;
  const calls: ExtractedToolCall[] = [];
  for (const item of read.value) {
    const call = callFromJsonObject(item);
    if (!call) return undefined;
    calls.push(call);
  }
  return { calls, end: read.end };
}

/**
 * Mistral `[TOOL_CALLS]`: pre-v11 `[TOOL_CALLS] [{"name": …, "arguments": {…}}]`, v11+
 * `[TOOL_CALLS]NAME{…}` (v13 adds `[CALL_ID]id` and `[ARGS]`). The token is a special token and is
 * never content; whitespace before it belongs to it. v11 arguments cut off at the end of the text
 * pass through raw; a v11 name with no arguments at all is dropped.
 */
export function parseMistralBlock(text: string, start: number, context: ParseContext): BlockResult {
  const afterToken = start + MISTRAL_TOOL_CALLS.length;
  const bodyStart = skipWhitespace(text, afterToken);
  const tokenOnly: BlockResult = { kind: "block", end: bodyStart, calls: [] };
  if (bodyStart >= text.length) {
    return context.final ? { kind: "block", end: text.length, calls: [] } : { kind: "incomplete" };
  }
  const first = text.charAt(bodyStart);
  if (first === "[") {
    const array = readArray(text, bodyStart, context.final);
    if (array === "incomplete") return { kind: "incomplete" };
    if (array) return { kind: "block", end: array.end, calls: array.calls, dropFollowingText: true, trimContentBefore: true };
  } else if (NAME_CHARACTER.test(first)) {
    let index = bodyStart;
    while (index < text.length && NAME_CHARACTER.test(text.charAt(index))) index += 1;
    const name = text.slice(bodyStart, index);
    let id: string | undefined;
    if (text.startsWith(CALL_ID, index)) {
      const idStart = index + CALL_ID.length;
      let idEnd = idStart;
      while (idEnd < text.length && /[A-Za-z0-9]/.test(text.charAt(idEnd))) idEnd += 1;
      id = text.slice(idStart, idEnd);
      index = idEnd;
    }
    if (text.startsWith(ARGS, index)) index += ARGS.length;
    if (index >= text.length || (!context.final && [CALL_ID, ARGS].some((marker) => marker.startsWith(text.slice(index)) && text.length - index < marker.length))) {
      // The name (or its id) is all there is so far.
      if (!context.final) return { kind: "incomplete" };
      return { kind: "block", end: text.length, calls: [], dropFollowingText: true, trimContentBefore: true };
    }
    if (text.charAt(index) === "{" && isToolName(name)) {
      const scan = scanJsonValue(text, index);
      if (scan.status === "incomplete" && !context.final) return { kind: "incomplete" };
      const end = scan.status === "complete" ? scan.end : text.length;
      if (scan.status !== "invalid") {
        const argumentText = text.slice(index, end);
        let parsed: Pick<ExtractedToolCall, "arguments" | "rawArguments">;
        try {
          parsed = argumentsFromValue(JSON.parse(argumentText));
        } catch {
          parsed = { arguments: {}, rawArguments: argumentText };
        }
        const call: ExtractedToolCall = { name, ...parsed };
        if (id) call.id = id;
        return { kind: "block", end, calls: [call], dropFollowingText: true, trimContentBefore: true };
      }
    }
  }
  // Junk before the array on the token's line: look there for one before giving up on the token.
  // Looking no further than the line keeps the decision local, so streamed text decides the same.
  const lineEnd = text.indexOf("\n", bodyStart);
  const line = text.slice(bodyStart, lineEnd < 0 ? text.length : lineEnd);
  const arrayAt = line.search(/\[\s*\{/);
  if (arrayAt >= 0) {
    const array = readArray(text, bodyStart + arrayAt, context.final);
    if (array === "incomplete") return { kind: "incomplete" };
    if (array) return { kind: "block", end: array.end, calls: array.calls, dropFollowingText: true, trimContentBefore: true };
  } else if (lineEnd < 0 && !context.final) {
    return { kind: "incomplete" };
  }
  return tokenOnly;
}
