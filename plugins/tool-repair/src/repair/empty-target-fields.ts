import type { ObjectShape } from "./object-shape.js";
import { normalizeKey } from "./rules/rename-key-variant.js";

/**
 * Names of parameters that say what a tool acts on. An empty string there is never meaningful
 * (`glob ""`, `read` with `file: ""`) although the schema allows it, so such a call is sent back
 * instead of run. Content-like parameters (`new_string: ""` deletes text) are not in this list.
 */
const TARGET_NAMES: ReadonlySet<string> = new Set([
  "path", "filepath", "file", "filename", "notebookpath", "absolutepath", "targetfile",
  "pattern", "glob", "regex", "query", "command", "cmd", "url", "uri",
]);

/** The required string parameters of a tool that must not be empty. */
export function emptyTargetKeys(shape: ObjectShape): string[] {
  const keys: string[] = [];
  for (const key of shape.required) {
    const property = shape.properties.get(key);
    if (property !== undefined && property.accepts("string") && TARGET_NAMES.has(normalizeKey(key))) keys.push(key);
  }
  return keys;
}

/** The first target parameter whose value is an empty or blank string, or `null`. */
export function findEmptyTarget(args: Record<string, unknown>, keys: readonly string[]): string | null {
  for (const key of keys) {
    const value = args[key];
    if (typeof value === "string" && value.trim() === "") return key;
  }
  return null;
}
