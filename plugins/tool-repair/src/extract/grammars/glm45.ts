import { coerceBySchema, coerceJsonLike } from "../coerce-by-schema.js";
import { isToolName } from "../is-tool-name.js";
import { parameterSchema, type ToolIndex } from "../tool-index.js";
import type { BlockResult, ParseContext } from "./block-result.js";

const OPEN = "<tool_call>";
const CLOSE = "</tool_call>";
const KEY_OPEN = "<arg_key>";
const KEY_CLOSE = "</arg_key>";
const VALUE_OPEN = "<arg_value>";
const VALUE_CLOSE = "</arg_value>";

/** Whitespace and the literal two-character `\n` a double-escaping gateway leaves between tags. */
const LAYOUT = /^(?:\s|\\n)+/;
const TRAILING_LAYOUT = /(?:\s|\\n)+$/;

/**
 * Values are raw text: with a declared schema they take its type; without one, JSON-looking values
 * (numbers, booleans, arrays, objects) are read as JSON and everything else stays a string with its
 * whitespace.
 */
function readValue(raw: string, toolName: string, key: string, tools: ToolIndex | undefined): unknown {
  const schema = parameterSchema(tools, toolName, key);
  return schema === undefined ? coerceJsonLike(raw) : coerceBySchema(raw, schema);
}

function readArguments(body: string, toolName: string, tools: ToolIndex | undefined): Record<string, unknown> {
  const argumentsObject: Record<string, unknown> = {};
  let index = body.indexOf(KEY_OPEN);
  while (index >= 0) {
    const keyStart = index + KEY_OPEN.length;
    const keyEnd = body.indexOf(KEY_CLOSE, keyStart);
    const valueOpen = body.indexOf(VALUE_OPEN, keyStart);
    if (keyEnd < 0 || valueOpen < 0) break;
    if (valueOpen < keyEnd) {
      // `<arg_key>` never closed: skip this pair rather than read a tag as the key.
      const skipTo = body.indexOf(VALUE_CLOSE, valueOpen);
      if (skipTo < 0) break;
      index = body.indexOf(KEY_OPEN, skipTo);
      continue;
    }
    const key = body.slice(keyStart, keyEnd).trim();
    const between = body.slice(keyEnd + KEY_CLOSE.length, valueOpen);
    const valueStart = valueOpen + VALUE_OPEN.length;
    const valueEnd = body.indexOf(VALUE_CLOSE, valueStart);
    if (valueEnd < 0) break;
    if (key !== "" && between.replace(LAYOUT, "") === "") {
      argumentsObject[key] = readValue(body.slice(valueStart, valueEnd), toolName, key, tools);
    }
    index = body.indexOf(KEY_OPEN, valueEnd + VALUE_CLOSE.length);
  }
  return argumentsObject;
}

/**
 * GLM-4.5/4.6 `<tool_call>NAME\n<arg_key>K</arg_key>\n<arg_value>V</arg_value>\n</tool_call>` and
 * GLM-4.7/5 (same, on one line). The closing tag is required: an unclosed block is not a call.
 */
export function parseGlmBlock(text: string, start: number, context: ParseContext): BlockResult {
  const notACall: BlockResult = { kind: "text", end: start + OPEN.length };
  const bodyStart = start + OPEN.length;
  // Prose that mentions the tag is told apart early: a name is followed by a tag, not more words.
  const nameMatch = /^(?:\s|\\n)*[\p{L}\p{N}_\-.:/]+((?:[ \t]|\\n)*)/u.exec(text.slice(bodyStart, bodyStart + 300));
  if (nameMatch) {
    const after = bodyStart + nameMatch[0].length;
    if (after < text.length) {
      const next = text.charAt(after);
      if (next !== "<" && next !== "\n" && next !== "\r" && next !== "\\") return notACall;
    }
  }
  const closeAt = text.indexOf(CLOSE, bodyStart);
  const nextOpen = text.indexOf(OPEN, bodyStart);
  if (closeAt < 0 || (nextOpen >= 0 && nextOpen < closeAt)) {
    if (closeAt < 0 && nextOpen < 0 && !context.final) return { kind: "incomplete" };
    return notACall;
  }
  const body = text.slice(bodyStart, closeAt);
  const keyAt = body.indexOf(KEY_OPEN);
  const name = body.slice(0, keyAt < 0 ? body.length : keyAt).replace(TRAILING_LAYOUT, "").replace(LAYOUT, "");
  if (!isToolName(name)) return notACall;
  const rest = keyAt < 0 ? "" : body.slice(keyAt);
  return {
    kind: "block",
    end: closeAt + CLOSE.length,
    calls: [{ name, arguments: readArguments(rest, name, context.tools) }],
    dropFollowingText: true,
  };
}
