import { coerceBySchema } from "../coerce-by-schema.js";
import { isToolName } from "../is-tool-name.js";
import { parseAttributes } from "../parse-attributes.js";
import { readInvokeElements } from "../read-invoke-elements.js";
import { readParameterElements } from "../read-parameter-elements.js";
import { parameterSchema, toolProperties, type ToolIndex } from "../tool-index.js";
import type { ExtractedToolCall } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";
import { findCallRun } from "./find-call-run.js";

/** V3.2 wraps calls in `function_calls`, V4 in `tool_calls`; both share the invoke grammar. */
export const DSML_SECTIONS = ["<｜DSML｜function_calls>", "<｜DSML｜tool_calls>"] as const;
/** An invoke tag, which also opens a block when the section wrapper is missing. */
export const DSML_INVOKE = "<｜DSML｜invoke";
const INVOKE_CLOSE = "</｜DSML｜invoke>";
const PARAMETER_OPEN = "<｜DSML｜parameter";
const PARAMETER_CLOSE = "</｜DSML｜parameter>";
const WRAPPER_NAMES = ["arguments", "input"];

function sectionClose(opener: string): string {
  return `</${opener.slice(1)}`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `string="true"` is a raw string, `string="false"` JSON; a declared schema type still applies. */
function readValue(raw: string, isString: boolean, schema: unknown): unknown {
  if (isString) return schema === undefined ? raw : coerceBySchema(raw, schema);
  try {
    return JSON.parse(raw.trim());
  } catch {
    return schema === undefined ? raw : coerceBySchema(raw, schema);
  }
}

/**
 * A lone `arguments`/`input` parameter the schema does not declare is the model wrapping the real
 * arguments one level too deep; unwrap it when it holds an object.
 */
function unwrap(name: string, argumentsObject: Record<string, unknown>, tools: ToolIndex | undefined): Record<string, unknown> {
  const keys = Object.keys(argumentsObject);
  const only = keys[0];
  if (keys.length !== 1 || only === undefined || !WRAPPER_NAMES.includes(only)) return argumentsObject;
  const declared = toolProperties(tools, name);
  if (declared && Object.prototype.hasOwnProperty.call(declared, only)) return argumentsObject;
  let inner = argumentsObject[only];
  if (typeof inner === "string") {
    try {
      inner = JSON.parse(inner);
    } catch {
      return argumentsObject;
    }
  }
  return isRecord(inner) ? inner : argumentsObject;
}

function readInvoke(header: string, body: string, tools: ToolIndex | undefined): ExtractedToolCall | undefined {
  const name = (parseAttributes(header)["name"] ?? "").trim();
  if (!isToolName(name)) return undefined;
  const argumentsObject: Record<string, unknown> = {};
  for (const { attributes, text } of readParameterElements(body, PARAMETER_OPEN, PARAMETER_CLOSE)) {
    const key = attributes["name"];
    if (!key) continue;
    const isString = (attributes["string"] ?? "").toLowerCase() === "true";
    argumentsObject[key] = readValue(text, isString, parameterSchema(tools, name, key));
  }
  return { name, arguments: unwrap(name, argumentsObject, tools) };
}

function readInvokes(text: string, from: number, limit: number, tools: ToolIndex | undefined): ExtractedToolCall[] {
  return readInvokeElements(text, from, limit, DSML_INVOKE, INVOKE_CLOSE).flatMap(({ header, body }) => readInvoke(header, body, tools) ?? []);
}

/**
 * DeepSeek V3.2 / V4 "DSML": `<｜DSML｜function_calls><｜DSML｜invoke name="F"><｜DSML｜parameter
 * name="K" string="true">V</｜DSML｜parameter></｜DSML｜invoke></｜DSML｜function_calls>`.
 * Invokes without their closing tag are not calls.
 */
export function parseDeepSeekDsmlBlock(text: string, start: number, context: ParseContext): BlockResult {
  const section = DSML_SECTIONS.find((marker) => text.startsWith(marker, start));
  const opener = section ?? DSML_INVOKE;
  const notACall: BlockResult = { kind: "text", end: start + opener.length };
  let limit: number;
  let end: number;
  if (section) {
    const close = sectionClose(section);
    const closeAt = text.indexOf(close, start + section.length);
    if (closeAt < 0 && !context.final) return { kind: "incomplete" };
    limit = closeAt < 0 ? text.length : closeAt;
    end = closeAt < 0 ? text.length : closeAt + close.length;
  } else {
    // Invokes without the section wrapper: consecutive invokes, then an optional stray close.
    const run = findCallRun(text, start, context.final, { callBegin: DSML_INVOKE, callEnd: INVOKE_CLOSE, sectionEnds: DSML_SECTIONS.map(sectionClose) });
    if (run.kind === "incomplete") return run;
    limit = run.limit;
    end = run.end;
  }
  const calls = readInvokes(text, start, limit, context.tools);
  if (calls.length === 0) return notACall;
  return { kind: "block", end, calls, dropFollowingText: true };
}
