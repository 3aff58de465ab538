import type { RepairProblem } from "./repair-problem.js";
import type { RepairRecorder } from "./repair-recorder.js";
import { CLOSE_TRUNCATED_JSON, classifyTruncation } from "./rules/close-truncated-json.js";
import { DECODE_DOUBLE_ENCODED, decodeDoubleEncoded, unescapeBareEncodedJson } from "./rules/decode-double-encoded.js";
import { DROP_EXTRA_CLOSING_BRACKET, dropExtraClosingBrackets } from "./rules/drop-extra-closing-bracket.js";
import { ESCAPE_CONTROL_CHARACTERS, escapeControlCharacters } from "./rules/escape-control-characters.js";
import { ESCAPE_INNER_QUOTES, escapeInnerQuotes } from "./rules/escape-inner-quotes.js";
import { FIX_INVALID_ESCAPES, fixInvalidEscapes } from "./rules/fix-invalid-escapes.js";
import { LITERAL_ESCAPE_OUTSIDE_STRING, replaceLiteralEscapesOutsideStrings } from "./rules/literal-escape-outside-string.js";
import { PYTHON_LITERAL, parsePythonLiteral } from "./rules/python-literal.js";
import { REPAIR_JSON, repairJsonSyntax } from "./rules/repair-json.js";
import { SPLIT_CONCATENATED_OBJECTS, splitConcatenatedObjects } from "./rules/split-concatenated-objects.js";
import { SPLIT_LIST_PAYLOAD, splitListPayload } from "./rules/split-list-payload.js";
import { STRIP_TEXT_DEBRIS, stripTextDebris } from "./rules/strip-text-debris.js";
import { describeValue } from "./schema/validation-issue.js";
import { isPlainObject } from "./schema/schema-node.js";

/** Rule name recorded when `null` (the JSON literal) or an empty string stands for no arguments. */
export const EMPTY_ARGUMENTS = "empty-arguments";

/** Argument objects read from a raw call, or why none could be read. */
export type ParsedArguments =
  | { ok: true; objects: Array<Record<string, unknown>>; split: boolean }
  | { ok: false; problem: RepairProblem };

const MAX_DECODE_DEPTH = 2;

/**
 * Reads the argument objects of a raw call that did not parse as one JSON object: repairs the
 * text (markup, Python literals, quotes, escapes, control characters, truncation, `jsonrepair`), decodes one extra
 * level of string encoding, splits concatenated objects and list payloads. `knownKeys` are the
 * schema's property names (for telling a lost closing quote from an inner one).
 */
export function parseArguments(raw: unknown, knownKeys: ReadonlySet<string> | null, recorder: RepairRecorder, depth = 0): ParsedArguments {
  if (raw === null || raw === undefined) return { ok: true, objects: [{}], split: false };
  if (typeof raw !== "string") return fromValues([raw], false, knownKeys, recorder, depth);
  const text = raw.trim();
  if (text === "") return { ok: true, objects: [{}], split: false };
  try {
    return fromValues([JSON.parse(text) as unknown], false, knownKeys, recorder, depth);
  } catch {
    // Falls through to the text repairs.
  }
  const parsed = parseBrokenText(text, knownKeys, recorder, depth);
  if (!parsed.ok) return parsed;
  return fromValues(parsed.values, parsed.values.length > 1, knownKeys, recorder, depth);
}

function parseBrokenText(original: string, knownKeys: ReadonlySet<string> | null, recorder: RepairRecorder, depth: number): { ok: true; values: unknown[] } | { ok: false; problem: RepairProblem } {
  const unescaped = unescapeBareEncodedJson(original);
  if (unescaped !== null && depth < MAX_DECODE_DEPTH) {
    recorder.fire(DECODE_DOUBLE_ENCODED);
    const inner = parseArguments(unescaped, knownKeys, recorder, depth + 1);
    return inner.ok ? { ok: true, values: inner.objects } : inner;
  }
  let text = original;
  const apply = (rule: string, result: string | null): void => {
    if (result !== null && result !== text) {
      text = result;
      recorder.fire(rule);
    }
  };
  apply(STRIP_TEXT_DEBRIS, stripTextDebris(text));
  const python = parsePythonLiteral(text);
  if (python !== null) {
    recorder.fire(PYTHON_LITERAL);
    if (python.closed) recorder.fire(CLOSE_TRUNCATED_JSON);
    return { ok: true, values: [python.value] };
  }
  const quotes = escapeInnerQuotes(text, knownKeys);
  if (quotes.kind === "lost-boundary") return { ok: false, problem: { kind: "lost-boundary", key: quotes.key } };
  if (quotes.kind === "escaped") apply(ESCAPE_INNER_QUOTES, quotes.text);
  apply(ESCAPE_CONTROL_CHARACTERS, escapeControlCharacters(text));
  apply(FIX_INVALID_ESCAPES, fixInvalidEscapes(text));
  apply(LITERAL_ESCAPE_OUTSIDE_STRING, replaceLiteralEscapesOutsideStrings(text));
  apply(DROP_EXTRA_CLOSING_BRACKET, dropExtraClosingBrackets(text));
  try {
    return { ok: true, values: [JSON.parse(text) as unknown] };
  } catch {
    // Still broken: split, close and repair part by part.
  }
  const parts = splitConcatenatedObjects(text);
  if (parts !== null) recorder.fire(SPLIT_CONCATENATED_OBJECTS);
  const values: unknown[] = [];
  for (const part of parts ?? [text]) {
    const value = parsePart(part, recorder);
    if (!value.ok) return value;
    values.push(value.value);
  }
  return { ok: true, values };
}

function parsePart(part: string, recorder: RepairRecorder): { ok: true; value: unknown } | { ok: false; problem: RepairProblem } {
  try {
    return { ok: true, value: JSON.parse(part) as unknown };
  } catch {
    // Needs closing or syntax repair.
  }
  let text = part;
  const truncation = classifyTruncation(text);
  if (truncation.kind === "cut") {
    return { ok: false, problem: { kind: "truncated", key: truncation.key, inValue: truncation.inValue, length: truncation.length } };
  }
  if (truncation.kind === "closable") {
    text = truncation.closed;
    recorder.fire(CLOSE_TRUNCATED_JSON);
    try {
      return { ok: true, value: JSON.parse(text) as unknown };
    } catch {
      // The closed text still needs syntax repair.
    }
  }
  const repaired = repairJsonSyntax(text);
  if (!repaired.ok) return { ok: false, problem: { kind: "invalid-json", message: repaired.message } };
  recorder.fire(REPAIR_JSON);
  return { ok: true, value: repaired.value };
}

/** Turns parsed top-level values into argument objects: decoding strings, splitting lists. */
function fromValues(values: readonly unknown[], split: boolean, knownKeys: ReadonlySet<string> | null, recorder: RepairRecorder, depth: number): ParsedArguments {
  const objects: Array<Record<string, unknown>> = [];
  let isSplit = split;
  for (const value of values) {
    if (isPlainObject(value)) {
      objects.push(value);
      continue;
    }
    if (value === null) {
      recorder.fire(EMPTY_ARGUMENTS);
      objects.push({});
      continue;
    }
    const inner = decodeDoubleEncoded(value);
    if (inner !== null && depth < MAX_DECODE_DEPTH) {
      recorder.fire(DECODE_DOUBLE_ENCODED);
      const decoded = parseArguments(inner, knownKeys, recorder, depth + 1);
      if (!decoded.ok) return decoded;
      objects.push(...decoded.objects);
      isSplit ||= decoded.split;
      continue;
    }
    if (typeof value === "string" && value.trim() === "") {
      recorder.fire(EMPTY_ARGUMENTS);
      objects.push({});
      continue;
    }
    if (Array.isArray(value)) {
      const listed = splitListPayload(value);
      if (listed !== null) {
        recorder.fire(SPLIT_LIST_PAYLOAD);
        objects.push(...listed);
        isSplit ||= listed.length > 1;
        continue;
      }
    }
    return { ok: false, problem: { kind: "not-object", got: describeValue(value) } };
  }
  return { ok: true, objects, split: isSplit };
}
