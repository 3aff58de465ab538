/** Rule name recorded when tool-call markup is removed from the argument text itself. */
export const STRIP_TEXT_DEBRIS = "strip-text-debris";

/** A key whose closing quote became a grammar tag: `"offset</longcat_arg_key>: 600`. */
const KEY_CLOSED_BY_TAG = /"([^"<>{}\n]{1,120}?)<\/[^<>\s]{0,40}?key>"?\s*:/g;

/** Markup or fences that may sit before the JSON: `<tool_call>`, `<arguments>`, `<|…|>`, ```` ```json ````. */
const LEADING = /^(?:\s+|<[A-Za-z_][\w:.-]{0,40}(?:\s[^<>]{0,80})?>|<\|[a-z_]{2,40}\|>|<｜[^｜<>]{1,40}｜>|```[a-z]*|\[TOOL_CALLS\])+/;

/** Markup, fences or special tokens that may sit after the JSON. */
const TRAILING = /(?:\s+|<\/[A-Za-z_][\w:.｜|-]{0,40}>|<\/[｜|]DSML[｜|][a-z_]{1,30}>|<\|[a-z_]{2,40}\|>|<｜[^｜<>]{1,40}｜>|```)+$/;

/**
 * Removes tool-call grammar markup around or inside the argument text: wrapper tags before and
 * after the JSON, and tags that took the place of a key's closing quote. Returns `null` when the
 * text has none.
 */
export function stripTextDebris(text: string): string | null {
  let result = text.replace(KEY_CLOSED_BY_TAG, '"$1":');
  const first = result.trimStart()[0];
  if (first !== "{" && first !== "[" && first !== '"') {
    const leading = LEADING.exec(result);
    if (leading !== null) {
      const rest = result.slice(leading[0].length);
      if (rest.startsWith("{") || rest.startsWith("[") || rest.startsWith('"')) result = rest;
    }
  }
  const last = result.trimEnd().slice(-1);
  if (last !== "}" && last !== "]" && last !== '"') {
    const trailing = TRAILING.exec(result);
    if (trailing !== null && trailing.index > 0) {
      const rest = result.slice(0, trailing.index);
      if (/[}\]"]$/.test(rest)) result = rest;
    }
  }
  return result === text ? null : result;
}
