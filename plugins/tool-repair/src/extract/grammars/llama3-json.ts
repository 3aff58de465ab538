import { argumentsFromValue } from "../read-arguments.js";
import { isToolName } from "../is-tool-name.js";
import { readJsonValue } from "../scan-json-value.js";
import type { ExtractedToolCall } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";

/** Llama 3's special token before tool-call JSON. */
export const PYTHON_TAG = "<|python_tag|>";
/** Keys a call object may open with; anything else is ordinary JSON in prose. */
const CALL_KEYS = new Set(["name", "parameters", "arguments", "type"]);

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `{"name": "f", "parameters": {…}}` (or `"arguments"`): both keys are required. */
function callFromObject(value: unknown): ExtractedToolCall | undefined {
  if (!isRecord(value)) return undefined;
  const name = value["name"];
  if (typeof name !== "string" || !isToolName(name)) return undefined;
  const argumentValue = "parameters" in value ? value["parameters"] : value["arguments"];
  if (argumentValue === undefined) return undefined;
  const parsed = argumentsFromValue(argumentValue);
  if (parsed.rawArguments !== undefined) return undefined;
  return { name, ...parsed };
}

/**
 * Whether an unfinished object could still become a call: its first key must be a call key.
 * Deciding early keeps streamed prose with braces from being held back.
 */
function couldBeCall(text: string, start: number): boolean {
  let index = start + 1;
  while (index < text.length && /\s/.test(text.charAt(index))) index += 1;
  if (index >= text.length) return true;
  if (text.charAt(index) !== '"') return false;
  const keyEnd = text.indexOf('"', index + 1);
  if (keyEnd < 0) return [...CALL_KEYS].some((key) => key.startsWith(text.slice(index + 1)));
  return CALL_KEYS.has(text.slice(index + 1, keyEnd));
}

type ObjectRead = { call: ExtractedToolCall; end: number } | "incomplete" | undefined;

function readObject(text: string, index: number, context: ParseContext, requireKnownName: boolean): ObjectRead {
  if (!couldBeCall(text, index)) return undefined;
  const read = readJsonValue(text, index);
  if (read.status === "incomplete") return context.final ? undefined : "incomplete";
  if (read.status === "invalid") return undefined;
  const call = callFromObject(read.value);
  if (!call) return undefined;
  if (requireKnownName && context.tools && !context.tools.byName.has(call.name)) return undefined;
  return { call, end: read.end };
}

/**
 * Llama 3.x JSON calls: `{"name": …, "parameters": {…}}` objects, optionally after `<|python_tag|>`,
 * parallel ones separated by `;` or a newline. Without the tag there is no marker at all, so a bare
 * object must name an offered tool (when tools are known), must not sit in inline code, and the
 * caller skips fenced code blocks.
 */
export function parseLlamaJsonBlock(text: string, start: number, context: ParseContext): BlockResult {
  const tagged = text.startsWith(PYTHON_TAG, start);
  const notACall: BlockResult = { kind: "text", end: start + (tagged ? PYTHON_TAG.length : 1) };
  if (!tagged && start > 0 && text.charCodeAt(start - 1) === 96) return notACall;
  let index = start + (tagged ? PYTHON_TAG.length : 0);
  const calls: ExtractedToolCall[] = [];
  let end = index;
  for (;;) {
    while (index < text.length && /\s/.test(text.charAt(index))) index += 1;
    if (index >= text.length) {
      if (!context.final) return { kind: "incomplete" };
      break;
    }
    if (text.charCodeAt(index) !== 123) break;
    const read = readObject(text, index, context, !tagged);
    if (read === "incomplete") return { kind: "incomplete" };
    if (!read) break;
    calls.push(read.call);
    end = read.end;
    index = read.end;
    // Separators between parallel calls: `;`, a newline, or another `<|python_tag|>`.
    while (index < text.length && /[\s;]/.test(text.charAt(index))) index += 1;
    if (text.startsWith(PYTHON_TAG, index)) index += PYTHON_TAG.length;
    else if (!context.final && index < text.length && PYTHON_TAG.startsWith(text.slice(index))) return { kind: "incomplete" };
  }
  if (calls.length === 0) return notACall;
  return { kind: "block", end, calls, dropFollowingText: true };
}
