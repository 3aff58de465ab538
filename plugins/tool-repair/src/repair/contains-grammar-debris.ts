import { stripTrailingGrammarMarkers } from "./grammar-markers.js";
import { splitMergedParameters } from "./rules/recover-merged-parameters.js";

const MARKUP_START = /<[/|｜]/;

function stringHasDebris(text: string): boolean {
  return MARKUP_START.test(text) && (stripTrailingGrammarMarkers(text) !== null || splitMergedParameters(text) !== null);
}

/**
 * Whether any string in parsed arguments carries leaked tool-call markup: a closing tag at the
 * end of a value, or parameters a parser ran together. Checked on calls that validate, because
 * markup inside a string passes any string schema. (Keys are checked against the schema by
 * `hasKeyDebris`.)
 */
export function containsGrammarDebris(value: unknown): boolean {
  if (typeof value === "string") return stringHasDebris(value);
  if (typeof value !== "object" || value === null) return false;
  if (Array.isArray(value)) {
    for (const item of value) if (containsGrammarDebris(item)) return true;
    return false;
  }
  for (const key in value) {
    if (!Object.hasOwn(value, key)) continue;
    if (containsGrammarDebris((value as Record<string, unknown>)[key])) return true;
  }
  return false;
}

/** Whether a top-level key the schema does not declare carries markup (`path</arg_key>`, `description=`). */
export function hasKeyDebris(args: Record<string, unknown>, declared: ReadonlyMap<string, unknown>): boolean {
  for (const key in args) {
    if ((key.includes("<") || key.endsWith("=")) && !declared.has(key)) return true;
  }
  return false;
}
