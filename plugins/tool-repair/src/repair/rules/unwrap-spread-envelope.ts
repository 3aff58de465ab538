import { isPlainObject } from "../schema/schema-node.js";

/** Rule name recorded when a whole `{name, arguments}` call envelope sent as arguments is unpacked. */
export const UNWRAP_SPREAD_ENVELOPE = "unwrap-spread-envelope";

const NAME_KEYS = ["name", "tool", "tool_name", "toolName", "function", "function_name", "recipient_name"];
const ARGUMENT_KEYS = ["arguments", "parameters", "input", "args", "params"];
const IGNORED_KEYS = new Set(["id", "type", "call_id", "index"]);

/** A call found inside an envelope: the name as written and its arguments (any JSON). */
export interface EnvelopeCall {
  name: string;
  arguments: unknown;
}

function readOne(value: Record<string, unknown>): EnvelopeCall | null {
  if (isPlainObject(value.function) && Object.keys(value).every((key) => key === "function" || IGNORED_KEYS.has(key))) {
    return readOne(value.function);
  }
  let name: string | null = null;
  let argumentsValue: unknown = {};
  let sawArguments = false;
  for (const key of Object.keys(value)) {
    const entry = value[key];
    if (NAME_KEYS.includes(key)) {
      if (typeof entry !== "string" || entry.trim() === "" || name !== null) return null;
      name = entry.trim();
    } else if (ARGUMENT_KEYS.includes(key)) {
      if (sawArguments) return null;
      sawArguments = true;
      argumentsValue = entry;
    } else if (!IGNORED_KEYS.has(key)) {
      return null;
    }
  }
  if (name === null || !sawArguments) return null;
  return { name, arguments: argumentsValue };
}

/**
 * Reads call envelopes sent as arguments: `{"name": "read", "arguments": {…}}`, OpenAI's
 * `{"function": {"name", "arguments"}}`, and `multi_tool_use.parallel`'s
 * `{"tool_uses": [{"recipient_name": "functions.read", "parameters": {…}}]}`. Returns `null`
 * unless the object is nothing but envelope.
 */
export function readSpreadEnvelope(value: Record<string, unknown>): EnvelopeCall[] | null {
  const keys = Object.keys(value);
  if (keys.length === 1 && Array.isArray(value.tool_uses)) {
    const calls: EnvelopeCall[] = [];
    for (const use of value.tool_uses) {
      const call = isPlainObject(use) ? readOne(use) : null;
      if (call === null) return null;
      calls.push(call);
    }
    return calls.length > 0 ? calls : null;
  }
  const call = readOne(value);
  return call === null ? null : [call];
}

/** Cheap test used on valid calls too: does the object carry an undeclared envelope name key? */
export function mayBeSpreadEnvelope(value: Record<string, unknown>, declared: ReadonlyMap<string, unknown>): boolean {
  for (const key of NAME_KEYS) if (Object.hasOwn(value, key) && !declared.has(key)) return true;
  return Object.hasOwn(value, "tool_uses") && !declared.has("tool_uses");
}
