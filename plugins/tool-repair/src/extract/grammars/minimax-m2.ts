import { coerceBySchema } from "../coerce-by-schema.js";
import { isToolName } from "../is-tool-name.js";
import { parseAttributes } from "../parse-attributes.js";
import { readInvokeElements } from "../read-invoke-elements.js";
import { readParameterElements } from "../read-parameter-elements.js";
import { parameterSchema, type ToolIndex } from "../tool-index.js";
import type { ExtractedToolCall } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";

/** Opens a MiniMax M2 call block. */
export const MINIMAX_OPEN = "<minimax:tool_call>";
const CLOSE = "</minimax:tool_call>";
const INVOKE_OPEN = "<invoke";
const INVOKE_CLOSE = "</invoke>";
const PARAMETER_OPEN = "<parameter";
const PARAMETER_CLOSE = "</parameter>";

/** Values are raw text, trimmed; only a declared schema types them (no schema: a string). */
function readInvoke(header: string, body: string, tools: ToolIndex | undefined): ExtractedToolCall | undefined {
  const name = (parseAttributes(header)["name"] ?? "").trim();
  if (!isToolName(name)) return undefined;
  const argumentsObject: Record<string, unknown> = {};
  for (const { attributes, text } of readParameterElements(body, PARAMETER_OPEN, PARAMETER_CLOSE)) {
    const key = attributes["name"];
    if (!key) continue;
    const value = text.trim();
    const schema = parameterSchema(tools, name, key);
    argumentsObject[key] = schema === undefined ? value : coerceBySchema(value, schema);
  }
  return { name, arguments: argumentsObject };
}

/**
 * MiniMax M2 `<minimax:tool_call><invoke name="F"><parameter name="K">V</parameter></invoke></minimax:tool_call>`;
 * several invokes share one block. The closing tag is required. Text after the block stays content,
 * without the line break that separated it from the markup.
 */
export function parseMinimaxBlock(text: string, start: number, context: ParseContext): BlockResult {
  const notACall: BlockResult = { kind: "text", end: start + MINIMAX_OPEN.length };
  const bodyStart = start + MINIMAX_OPEN.length;
  const closeAt = text.indexOf(CLOSE, bodyStart);
  const nextOpen = text.indexOf(MINIMAX_OPEN, bodyStart);
  if (closeAt < 0 || (nextOpen >= 0 && nextOpen < closeAt)) {
    if (closeAt < 0 && nextOpen < 0 && !context.final) return { kind: "incomplete" };
    return notACall;
  }
  const invokes = readInvokeElements(text, bodyStart, closeAt, INVOKE_OPEN, INVOKE_CLOSE);
  const calls = invokes.flatMap(({ header, body }) => readInvoke(header, body, context.tools) ?? []);
  if (calls.length === 0) return notACall;
  return { kind: "block", end: closeAt + CLOSE.length, calls, trimWhitespaceAfter: true };
}
