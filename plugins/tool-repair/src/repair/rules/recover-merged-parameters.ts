import { findGrammarMarker, stripTrailingGrammarMarkers } from "../grammar-markers.js";

/** Rule name recorded when parameters a parser merged into one value are split apart again. */
export const RECOVER_MERGED_PARAMETERS = "recover-merged-parameters";

/** What follows a closing tag when the next parameter starts: GLM, Qwen3-Coder XML, invoke/DSML. */
const NEXT_PARAMETER = [
  /^<\/arg_value>\s*<arg_key>([^<>]{1,100})<\/arg_key>\s*<arg_value>/,
  /^<\/parameter>\s*<parameter=([^<>]{1,100})>\n?/,
  /^<\/(?:[｜|]DSML[｜|])?parameter>\s*<(?:[｜|]DSML[｜|])?parameter name="([^"<>]{1,100})"[^<>]*>/,
];

/** A value split at the parameter boundaries a parser missed. */
export interface MergedParameters {
  /** The value's own text, before the first boundary. */
  head: string;
  /** The parameters that followed, in order. */
  rest: Array<[key: string, value: string]>;
}

/**
 * Splits `"Berlin</parameter>\n<parameter=unit>celsius"` into `Berlin` and `unit: celsius`.
 * Returns `null` when the value holds no unmatched parameter boundary.
 */
export function splitMergedParameters(value: string): MergedParameters | null {
  const marker = findGrammarMarker(value);
  if (marker === null) return null;
  const tail = value.slice(marker.index);
  for (const boundary of NEXT_PARAMETER) {
    if (!boundary.test(tail)) continue;
    const rest: Array<[string, string]> = [];
    const global = new RegExp(boundary.source.slice(1), "g");
    const parts: Array<{ key: string; start: number; end: number }> = [];
    for (let match = global.exec(tail); match !== null; match = global.exec(tail)) {
      parts.push({ key: (match[1] ?? "").trim(), start: match.index, end: match.index + match[0].length });
    }
    for (let index = 0; index < parts.length; index++) {
      const part = parts[index];
      const next = parts[index + 1];
      if (part === undefined) continue;
      const text = tail.slice(part.end, next === undefined ? tail.length : next.start);
      const stripped = stripTrailingGrammarMarkers(text) ?? text;
      rest.push([part.key, stripped.replace(/^\n/, "").replace(/\n$/, "")]);
    }
    return { head: value.slice(0, marker.index).replace(/\n$/, ""), rest };
  }
  return null;
}
