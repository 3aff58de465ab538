import { extractToolCalls } from "../../extract/index.js";
import { scanJsonText } from "../scan-json-text.js";
import { isPlainObject } from "../schema/schema-node.js";
import { classifyTruncation } from "./close-truncated-json.js";
import { repairJsonSyntax } from "./repair-json.js";
import type { ToolSpec } from "../types.js";
import { readSpreadEnvelope } from "./unwrap-spread-envelope.js";

/** Rule name recorded when a call's arguments were taken from the assistant text. */
export const ARGUMENTS_FROM_CONTENT = "arguments-from-content";

/** A call found in assistant text: its name when the text says it, and its arguments (an object, or raw text to repair). */
export interface ContentCall {
  name: string | null;
  arguments: Record<string, unknown> | string;
}

const NAME_TAG = /<(function-name|function_name|tool_name|tool-name|name)>\s*([^<>]{1,128}?)\s*<\/\1>/;

function parseObject(text: string): Record<string, unknown> | null {
  let candidate = text;
  const truncation = classifyTruncation(candidate);
  if (truncation.kind === "cut") return null;
  if (truncation.kind === "closable") candidate = truncation.closed;
  try {
    const parsed: unknown = JSON.parse(candidate);
    return isPlainObject(parsed) ? parsed : null;
  } catch {
    const repaired = repairJsonSyntax(candidate);
    return repaired.ok && isPlainObject(repaired.value) ? repaired.value : null;
  }
}

/**
 * Finds the calls written into the assistant text instead of `tool_calls`: first in the models'
 * native grammars (the leaked-grammar extractor: Hermes, Qwen3-Coder XML, Kimi, DeepSeek, GLM, …),
 * then as ad-hoc JSON: `{"name": …, "arguments": …}` envelopes (also cut short by one brace), or
 * a bare arguments object next to a `<function-name>` tag.
 */
export function findCallsInContent(content: string, tools: readonly ToolSpec[] = []): ContentCall[] {
  const offered = tools.map((tool) => ({ name: tool.name, parameters: typeof tool.parameters === "object" ? { ...tool.parameters } : undefined }));
  const extracted = extractToolCalls(content, offered).calls;
  if (extracted.length > 0) return extracted.map((call) => ({ name: call.name, arguments: call.rawArguments ?? call.arguments }));
  return findJsonCallsInContent(content);
}

function findJsonCallsInContent(content: string): ContentCall[] {
  const calls: ContentCall[] = [];
  const namedByTag = NAME_TAG.exec(content)?.[2] ?? null;
  const start = content.indexOf("{");
  if (start < 0) return calls;
  const text = content.slice(start);
  const scan = scanJsonText(text);
  const ranges = [...scan.complete.filter(([from]) => text[from] === "{")];
  if (scan.openStart >= 0 && text[scan.openStart] === "{") ranges.push([scan.openStart, text.length] as const);
  for (const [from, to] of ranges) {
    const object = parseObject(text.slice(from, to).replace(/<\/?[A-Za-z_][\w:-]*>\s*$/, ""));
    if (object === null) continue;
    const envelopes = readSpreadEnvelope(object);
    if (envelopes !== null) {
      for (const envelope of envelopes) {
        if (isPlainObject(envelope.arguments)) calls.push({ name: envelope.name, arguments: envelope.arguments });
      }
    } else {
      calls.push({ name: namedByTag, arguments: object });
    }
  }
  return calls;
}
