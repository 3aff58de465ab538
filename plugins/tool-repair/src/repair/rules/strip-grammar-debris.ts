import { findGrammarMarker, stripTrailingGrammarMarkers } from "../grammar-markers.js";

/** Rule name recorded when tool-call markup is removed from a value or a key. */
export const STRIP_GRAMMAR_DEBRIS = "strip-grammar-debris";

/**
 * Removes closing tool-call markup a parser left at the end of a string value
 * (`"[...]</parameter>\n</invoke>"` → `"[...]"`). Returns `null` when there is none; markup whose
 * opening tag is also in the value is content and stays.
 */
export function stripValueDebris(value: string): string | null {
  return stripTrailingGrammarMarkers(value);
}

/**
 * Cleans an argument key of markup and punctuation a native grammar glued to it
 * (`"offset</longcat_arg_key>"`, `"description="`, `"<arg_key>path"`). Returns `null` when the
 * key is already clean.
 */
export function stripKeyDebris(key: string): string | null {
  let cleaned = key;
  const marker = findGrammarMarker(cleaned);
  if (marker !== null && marker.index > 0) cleaned = cleaned.slice(0, marker.index);
  cleaned = cleaned
    .replace(/^<(?:arg_key|parameter=?|parameter name=")\s*>?/, "")
    .replace(/^["'`\s]+/, "")
    .replace(/["'`=:\s]+$/, "");
  if (cleaned === "" || cleaned === key) return null;
  return cleaned;
}
