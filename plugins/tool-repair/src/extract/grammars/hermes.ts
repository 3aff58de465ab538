import { argumentsFromValue } from "../read-arguments.js";
import { isToolName } from "../is-tool-name.js";
import { readJsonValue } from "../scan-json-value.js";
import type { ExtractedToolCall } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";

const OPEN = "<tool_call>";
const CLOSE = "</tool_call>";

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** One `{"name": …, "arguments": …}` object (or OpenAI's `{"function": {…}}` nesting) as a call. */
export function callFromJsonObject(value: unknown): ExtractedToolCall | undefined {
  if (!isRecord(value)) return undefined;
  const inner = isRecord(value["function"]) ? value["function"] : value;
  const name = inner["name"];
  if (typeof name !== "string" || !isToolName(name.trim())) return undefined;
  const argumentValue = "arguments" in inner ? inner["arguments"] : inner["parameters"];
  return { name: name.trim(), ...argumentsFromValue(argumentValue) };
}

function isSeparator(code: number): boolean {
  // Whitespace, plus the `,` / `;` some models put between objects sharing one block.
  return code === 32 || code === 10 || code === 13 || code === 9 || code === 44 || code === 59;
}

/**
 * Hermes / Qwen2.5 `<tool_call>{"name": …, "arguments": {…}}</tool_call>`. Several JSON objects (or
 * an array of them) may share one block. An unclosed block still counts at the end of the text when
 * its JSON is complete; broken JSON is not a call and stays in the content.
 */
export function parseHermesBlock(text: string, start: number, context: ParseContext): BlockResult {
  const notACall: BlockResult = { kind: "text", end: start + OPEN.length };
  const calls: ExtractedToolCall[] = [];
  let index = start + OPEN.length;
  let afterLastValue = index;
  for (;;) {
    while (index < text.length && isSeparator(text.charCodeAt(index))) index += 1;
    if (index >= text.length) {
      if (!context.final) return { kind: "incomplete" };
      return calls.length > 0 ? { kind: "block", end: text.length, calls, dropFollowingText: true } : notACall;
    }
    if (text.startsWith(CLOSE, index)) {
      return calls.length > 0 ? { kind: "block", end: index + CLOSE.length, calls, dropFollowingText: true } : notACall;
    }
    const code = text.charCodeAt(index);
    if (code === 123 || code === 91) {
      const read = readJsonValue(text, index);
      if (read.status === "incomplete") return context.final ? notACall : { kind: "incomplete" };
      if (read.status === "invalid") return notACall;
      for (const item of Array.isArray(read.value) ? read.value : [read.value]) {
        const call = callFromJsonObject(item);
        if (!call) return notACall;
        calls.push(call);
      }
      index = read.end;
      afterLastValue = index;
      continue;
    }
    if (calls.length === 0) return notACall;
    // Stray text after the JSON: the block ends at its closing tag when one follows before the next
    // block, otherwise right after the last object.
    const closeAt = text.indexOf(CLOSE, index);
    const nextOpen = text.indexOf(OPEN, index);
    if (closeAt >= 0 && (nextOpen < 0 || closeAt < nextOpen)) {
      return { kind: "block", end: closeAt + CLOSE.length, calls, dropFollowingText: true };
    }
    if (closeAt < 0 && nextOpen < 0 && !context.final) return { kind: "incomplete" };
    return { kind: "block", end: afterLastValue, calls, dropFollowingText: true };
  }
}
