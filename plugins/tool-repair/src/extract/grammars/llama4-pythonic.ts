import { parsePythonCalls } from "../parse-python-calls.js";
import type { BlockResult, ParseContext } from "./block-result.js";

/** Opens a Llama 4 pythonic call list. */
export const PYTHON_START = "<|python_start|>";
const PYTHON_END = "<|python_end|>";

/**
 * Llama 4 pythonic calls `<|python_start|>[f(a='x', b=1)]<|python_end|>` (reported under the Llama
 * family). Text around the block stays content as it was, spaces included.
 */
export function parseLlamaPythonicBlock(text: string, start: number, context: ParseContext): BlockResult {
  const notACall: BlockResult = { kind: "text", end: start + PYTHON_START.length };
  const bodyStart = start + PYTHON_START.length;
  const closeAt = text.indexOf(PYTHON_END, bodyStart);
  if (closeAt < 0 && !context.final) return { kind: "incomplete" };
  const calls = parsePythonCalls(text.slice(bodyStart, closeAt < 0 ? text.length : closeAt));
  if (!calls) return notACall;
  return { kind: "block", end: closeAt < 0 ? text.length : closeAt + PYTHON_END.length, calls };
}
