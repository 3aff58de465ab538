/**
 * Tool-call markup of open models' native grammars (Qwen3-Coder XML, GLM arg_key/arg_value,
 * MiniMax/Anthropic-style invoke/parameter, DeepSeek DSML, Kimi and Harmony special tokens,
 * LongCat tags) that leaks into names, argument text and argument values when a parser misses a
 * boundary.
 */

/** Closing tags of tool-call grammars, with optional namespaces (`minimax:`, `longcat_`, DSML). */
const CLOSING_TAG = /<\/(?:[a-z]+[:_])?(?:[｜|]DSML[｜|])?(parameter|tool_calls?|arg_key|arg_value|invoke|function|function_calls|arguments|args)>/g;

/** Special tokens like `<|tool_call_end|>` or DeepSeek's `<｜tool▁call▁end｜>`. */
const SPECIAL_TOKEN = /<\|[a-z_]{2,40}\|>|<｜[^｜<>]{1,40}｜>/g;

/** Opening forms whose presence earlier in a value means a closing tag is content, not debris. */
function openerFor(tagName: string): RegExp {
  switch (tagName) {
    case "parameter":
      return /<(?:[a-z]+[:_])?(?:[｜|]DSML[｜|])?parameter[\s=>]/;
    case "function":
      return /<function[\s=>]/;
    case "invoke":
      return /<(?:[｜|]DSML[｜|])?invoke[\s>]/;
    default:
      return new RegExp(`<(?:[a-z]+[:_])?(?:[｜|]DSML[｜|])?${tagName}[\\s>]`);
  }
}

/** A grammar marker found in a string. */
export interface GrammarMarker {
  index: number;
  token: string;
}

/** Quick filter: could this string hold tool-call markup at all? */
export function mayContainGrammarMarker(text: string): boolean {
  return text.includes("</") || text.includes("<|") || text.includes("<｜");
}

/**
 * The first tool-call marker in `text` that is debris: a closing tag with no matching opening tag
 * before it, or a special token. Legitimate content about these formats (an XML file, a parser's
 * test) carries the opening tags too, so it is left alone.
 */
export function findGrammarMarker(text: string): GrammarMarker | null {
  if (!mayContainGrammarMarker(text)) return null;
  let found: GrammarMarker | null = null;
  CLOSING_TAG.lastIndex = 0;
  for (let match = CLOSING_TAG.exec(text); match !== null; match = CLOSING_TAG.exec(text)) {
    const tagName = match[1] ?? "";
    if (!openerFor(tagName).test(text.slice(0, match.index))) {
      found = { index: match.index, token: match[0] };
      break;
    }
  }
  SPECIAL_TOKEN.lastIndex = 0;
  for (let special = SPECIAL_TOKEN.exec(text); special !== null; special = SPECIAL_TOKEN.exec(text)) {
    if (found !== null && special.index > found.index) break;
    if (isUnpairedToken(special[0], text.slice(0, special.index), text.slice(special.index + special[0].length))) {
      found = { index: special.index, token: special[0] };
      break;
    }
  }
  return found;
}

/**
 * A special token is debris unless it has its partner: an `end` token preceded by its `begin`, a
 * `begin` token followed by its `end` (text about the format holds both).
 */
function isUnpairedToken(token: string, before: string, after: string): boolean {
  if (token.includes("end")) return !before.includes(token.replace(/end/g, "begin"));
  if (token.includes("begin")) return !after.includes(token.replace(/begin/g, "end"));
  return true;
}

/**
 * Removes debris markers from the end of `text` (and the single newline the XML grammars put
 * before a closing tag). Returns `null` when the end holds no debris.
 */
export function stripTrailingGrammarMarkers(text: string): string | null {
  let current = text;
  let changed = false;
  for (;;) {
    const trimmed = current.replace(/\s+$/, "");
    if (!trimmed.endsWith(">")) break;
    const marker = findLastMarker(trimmed);
    if (marker === null) break;
    current = trimmed.slice(0, marker.index);
    changed = true;
    if (current.endsWith("\r\n")) current = current.slice(0, -2);
    else if (current.endsWith("\n")) current = current.slice(0, -1);
  }
  return changed ? current : null;
}

function findLastMarker(text: string): GrammarMarker | null {
  const start = text.lastIndexOf("<");
  if (start < 0) return null;
  const tail = text.slice(start);
  CLOSING_TAG.lastIndex = 0;
  const closing = CLOSING_TAG.exec(tail);
  if (closing !== null && closing.index === 0 && closing[0].length === tail.length) {
    return openerFor(closing[1] ?? "").test(text.slice(0, start)) ? null : { index: start, token: tail };
  }
  SPECIAL_TOKEN.lastIndex = 0;
  const special = SPECIAL_TOKEN.exec(tail);
  if (special !== null && special.index === 0 && special[0].length === tail.length && isUnpairedToken(tail, text.slice(0, start), "")) {
    return { index: start, token: tail };
  }
  return null;
}
