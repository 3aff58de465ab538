import { coerceBySchema } from "../coerce-by-schema.js";
import { readInvokeCall, readInvokeElements } from "../read-invoke-elements.js";
import { parameterSchema } from "../tool-index.js";
import type { ExtractedToolCall } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";

/** Opens a MiniMax M2 call block. */
export const MINIMAX_OPEN = "<minimax:tool_call>";
const CLOSE = "</minimax:tool_call>";
const INVOKE_OPEN = "<invoke";
const INVOKE_CLOSE = "</invoke>";
const PARAMETER_OPEN = "<parameter";
const PARAMETER_CLOSE = "</parameter>";

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
  // Values are raw text, trimmed; only a declared schema types them (no schema: a string).
  const grammar = {
    parameterOpen: PARAMETER_OPEN,
    parameterClose: PARAMETER_CLOSE,
    readValue: (text: string, _attributes: Record<string, string>, name: string, key: string) => {
      const schema = parameterSchema(context.tools, name, key);
      return schema === undefined ? text.trim() : coerceBySchema(text.trim(), schema);
    },
  };
  const calls: ExtractedToolCall[] = invokes.flatMap((element) => readInvokeCall(element, grammar) ?? []);
  if (calls.length === 0) return notACall;
  return { kind: "block", end: closeAt + CLOSE.length, calls, trimWhitespaceAfter: true };
}
