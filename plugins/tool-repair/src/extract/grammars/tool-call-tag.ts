import type { GrammarName } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";
import { parseGlmBlock } from "./glm45.js";
import { parseHermesBlock } from "./hermes.js";
import { parseQwen3CoderBlock } from "./qwen3-coder-xml.js";

/** The opening tag shared by Hermes, Qwen3-Coder and GLM. */
export const TOOL_CALL_OPEN = "<tool_call>";
const FUNCTION_OPEN = "<function=";

/**
 * `<tool_call>` opens three grammars; what follows it decides: `{`/`[` is Hermes JSON,
 * `<function=` is Qwen3-Coder XML, a bare name is GLM.
 */
export function parseToolCallTag(text: string, start: number, context: ParseContext, enabled: ReadonlySet<GrammarName>): BlockResult {
  const notACall: BlockResult = { kind: "text", end: start + TOOL_CALL_OPEN.length };
  let index = start + TOOL_CALL_OPEN.length;
  while (index < text.length && /\s/.test(text.charAt(index))) index += 1;
  if (index >= text.length) return context.final ? notACall : { kind: "incomplete" };
  const next = text.charAt(index);
  if (next === "{" || next === "[") return enabled.has("hermes") ? parseHermesBlock(text, start, context) : notACall;
  if (next === "<") {
    const rest = text.slice(index, index + FUNCTION_OPEN.length);
    if (rest === FUNCTION_OPEN) return enabled.has("qwen3-coder-xml") ? parseQwen3CoderBlock(text, start, context) : notACall;
    if (!context.final && FUNCTION_OPEN.startsWith(rest)) return { kind: "incomplete" };
    return notACall;
  }
  return enabled.has("glm45") ? parseGlmBlock(text, start, context) : notACall;
}
