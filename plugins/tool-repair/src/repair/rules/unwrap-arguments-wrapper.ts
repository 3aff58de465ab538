import type { ObjectShape } from "../object-shape.js";
import { isPlainObject } from "../schema/schema-node.js";
import { normalizeKey } from "./rename-key-variant.js";

/** Rule name recorded when arguments nested under `{"arguments": …}` (or `input`, …) are unwrapped. */
export const UNWRAP_ARGUMENTS_WRAPPER = "unwrap-arguments-wrapper";

/** Keys models nest the real arguments under. */
export const WRAPPER_KEYS: ReadonlySet<string> = new Set(["arguments", "argument", "input", "parameters", "args", "params", "kwargs", "tool_input", "toolInput"]);

function innerObject(value: unknown): Record<string, unknown> | null {
  if (isPlainObject(value)) return value;
  if (typeof value !== "string" || !value.trim().startsWith("{")) return null;
  try {
    const parsed: unknown = JSON.parse(value);
    return isPlainObject(parsed) ? parsed : null;
  } catch {
    return null;
  }
}

/**
 * Cheap test used on valid calls too: a single undeclared wrapper key holding an object. A
 * permissive schema accepts `{"arguments": {"location": "Beijing"}}`, so validation alone cannot
 * catch it.
 */
export function isWrapperShaped(args: Record<string, unknown>, shape: ObjectShape): boolean {
  if (!shape.declaresProperties) return false;
  let onlyKey: string | null = null;
  for (const key in args) {
    if (onlyKey !== null) return false;
    onlyKey = key;
  }
  if (onlyKey === null || !WRAPPER_KEYS.has(onlyKey) || shape.properties.has(onlyKey)) return false;
  const value = args[onlyKey];
  return isPlainObject(value) || (typeof value === "string" && value.trimStart().startsWith("{"));
}

/**
 * The arguments inside a wrapper, when the wrapper key is not a declared property and the inner
 * keys are the schema's own (by name or spelling variant). Returns `null` otherwise, so a tool
 * that really has an `input` parameter keeps it.
 */
export function unwrapArgumentsWrapper(args: Record<string, unknown>, shape: ObjectShape): Record<string, unknown> | null {
  if (!isWrapperShaped(args, shape)) return null;
  const [key] = Object.keys(args);
  const inner = key === undefined ? null : innerObject(args[key]);
  if (inner === null) return null;
  const innerKeys = Object.keys(inner);
  if (innerKeys.length === 0) return shape.required.size === 0 ? inner : null;
  const declared = new Set([...shape.properties.keys()].map(normalizeKey));
  return innerKeys.every((innerKey) => shape.propertySchema(innerKey) !== null || declared.has(normalizeKey(innerKey))) ? inner : null;
}
