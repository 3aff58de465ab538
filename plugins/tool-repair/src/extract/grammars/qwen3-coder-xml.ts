import { coerceBySchema } from "../coerce-by-schema.js";
import { cleanXmlValue } from "../clean-xml-value.js";
import { isToolName } from "../is-tool-name.js";
import { parameterSchema, type ToolIndex } from "../tool-index.js";
import type { ExtractedToolCall } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";

const OPEN = "<tool_call>";
const CLOSE = "</tool_call>";
const FUNCTION_OPEN = "<function=";
const FUNCTION_CLOSE = "</function>";
const PARAMETER_OPEN = "<parameter=";
const PARAMETER_CLOSE = "</parameter>";

function nearest(text: string, from: number, limit: number, needles: readonly string[]): number {
  let best = limit;
  for (const needle of needles) {
    const at = text.indexOf(needle, from);
    if (at >= 0 && at < best) best = at;
  }
  return best;
}

/**
 * Values are raw text; only the tool's JSON Schema can say that `2` is a number, so without a
 * declared parameter the value stays a string.
 */
function readParameters(body: string, toolName: string, tools: ToolIndex | undefined): Record<string, unknown> {
  const parameters: Record<string, unknown> = {};
  let index = body.indexOf(PARAMETER_OPEN);
  while (index >= 0) {
    const keyStart = index + PARAMETER_OPEN.length;
    const keyEnd = body.indexOf(">", keyStart);
    if (keyEnd < 0) break;
    const key = body.slice(keyStart, keyEnd).trim();
    const valueStart = keyEnd + 1;
    const valueEnd = nearest(body, valueStart, body.length, [PARAMETER_CLOSE, PARAMETER_OPEN]);
    if (key !== "" && !/[\n<]/.test(key)) {
      const value = cleanXmlValue(body.slice(valueStart, valueEnd));
      const schema = parameterSchema(tools, toolName, key);
      parameters[key] = schema === undefined ? value : coerceBySchema(value, schema);
    }
    index = body.indexOf(PARAMETER_OPEN, valueEnd);
  }
  return parameters;
}

/** Every `<function=NAME>…</function>` in a block body; a header without `>` yields no call. */
function readFunctions(body: string, tools: ToolIndex | undefined): ExtractedToolCall[] {
  const calls: ExtractedToolCall[] = [];
  let index = body.indexOf(FUNCTION_OPEN);
  while (index >= 0) {
    const nameStart = index + FUNCTION_OPEN.length;
    const headerEnd = nearest(body, nameStart, body.length, [">", "\n", "<"]);
    const closeAt = body.indexOf(FUNCTION_CLOSE, nameStart);
    const nextFunction = body.indexOf(FUNCTION_OPEN, nameStart);
    let bodyEnd = closeAt >= 0 ? closeAt : body.length;
    if (nextFunction >= 0 && nextFunction < bodyEnd) bodyEnd = nextFunction;
    const name = body.slice(nameStart, headerEnd).trim();
    if (body.charCodeAt(headerEnd) === 62 && isToolName(name)) {
      calls.push({ name, arguments: readParameters(body.slice(headerEnd + 1, bodyEnd), name, tools) });
    }
    index = nextFunction;
  }
  return calls;
}

/**
 * Qwen3-Coder `<tool_call><function=NAME><parameter=KEY>VALUE</parameter></function></tool_call>`.
 * A missing `</parameter>` ends at the next parameter; a block cut off at the end of the text still
 * yields the calls whose headers are complete.
 */
export function parseQwen3CoderBlock(text: string, start: number, context: ParseContext): BlockResult {
  const notACall: BlockResult = { kind: "text", end: start + OPEN.length };
  const bodyStart = start + OPEN.length;
  const closeAt = text.indexOf(CLOSE, bodyStart);
  if (closeAt < 0 && !context.final) return { kind: "incomplete" };
  const bodyEnd = closeAt < 0 ? text.length : closeAt;
  const calls = readFunctions(text.slice(bodyStart, bodyEnd), context.tools);
  if (calls.length === 0) return notACall;
  return { kind: "block", end: closeAt < 0 ? text.length : closeAt + CLOSE.length, calls };
}

/**
 * A `<function=…>…</function>` block whose `<tool_call>` wrapper the model (or gateway) left out.
 * Without the wrapper the closing tag is required: `<function=NAME>` alone is just text.
 */
export function parseBareQwen3Function(text: string, start: number, context: ParseContext): BlockResult {
  const notACall: BlockResult = { kind: "text", end: start + FUNCTION_OPEN.length };
  // Prose that mentions `<function=NAME>` is told apart early: a real header is followed by a tag.
  const headerEnd = nearest(text, start + FUNCTION_OPEN.length, text.length, [">", "\n", "<"]);
  if (headerEnd >= text.length) return context.final ? notACall : { kind: "incomplete" };
  if (text.charCodeAt(headerEnd) === 62) {
    let next = headerEnd + 1;
    while (next < text.length && /\s/.test(text.charAt(next))) next += 1;
    if (next >= text.length) return context.final ? notACall : { kind: "incomplete" };
    if (text.charCodeAt(next) !== 60) return notACall;
  }
  const closeAt = text.indexOf(FUNCTION_CLOSE, start);
  if (closeAt < 0) return context.final ? notACall : { kind: "incomplete" };
  let end = closeAt + FUNCTION_CLOSE.length;
  const calls = readFunctions(text.slice(start, end), context.tools);
  if (calls.length === 0) return notACall;
  // A stray `</tool_call>` after the function belongs to the markup too.
  let look = end;
  while (look < text.length && /\s/.test(text.charAt(look))) look += 1;
  const rest = text.slice(look, look + CLOSE.length);
  if (!context.final && CLOSE.startsWith(rest) && rest.length < CLOSE.length) return { kind: "incomplete" };
  if (rest === CLOSE) end = look + CLOSE.length;
  return { kind: "block", end, calls };
}
