/** Rule name recorded when markup or junk is cut from a tool name. */
export const TOOL_NAME_DEBRIS = "tool-name-debris";

/** A tool name as registries allow it: letters, digits, `_ . : / -`. */
export const PLAUSIBLE_TOOL_NAME = /^[\p{L}_][\p{L}\p{N}_.:/-]{0,127}$/u;

const ARGUMENT_PAIR = /<arg_key>([^<>]{1,100})<\/arg_key>\s*<arg_value>([\s\S]*?)(?:<\/arg_value>|$)/g;
const NAMED_IN_MARKUP = /(?:<function=|<invoke name="|<｜DSML｜invoke name="|to=functions\.)([\p{L}_][\p{L}\p{N}_.:/-]{0,127})/u;

/** A tool name with the debris cut away, and any arguments the debris carried. */
export interface CleanedToolName {
  name: string;
  /** GLM-style `<arg_key>k</arg_key><arg_value>v</arg_value>` pairs found in the name. */
  arguments: Record<string, string>;
}

/**
 * Cuts grammar debris from a tool name: markup glued to it (`task<arg_key>description</arg_key>…`),
 * the name inside markup (`<function=read>`, Harmony's `commentary to=functions.read`), Kimi's
 * `:0` call index, quotes, backticks, `()`.
 * Arguments leaked into the name are returned so they are not lost. Returns `null` when the name
 * is already clean or nothing name-like remains.
 */
export function stripToolNameDebris(raw: string): CleanedToolName | null {
  const recovered: Record<string, string> = {};
  let name = raw.trim();
  // An explicit name in markup (`to=functions.read`, `<function=read>`) wins over leading text.
  const named = NAMED_IN_MARKUP.exec(name)?.[1];
  const markup = name.search(/<|\|>|｜/);
  if (named !== undefined) {
    name = named;
  } else if (markup >= 0) {
    for (const match of name.matchAll(ARGUMENT_PAIR)) {
      const key = (match[1] ?? "").trim();
      if (key !== "") recovered[key] = (match[2] ?? "").trim();
    }
    name = name.slice(0, markup).trim();
  }
  name = name
    .replace(/^["'`\s]+|["'`\s]+$/g, "")
    .replace(/\(\s*\)$/, "")
    .replace(/:\d+$/, "")
    .replace(/[\s,;:=]+$/, "");
  if (name === raw || !PLAUSIBLE_TOOL_NAME.test(name)) return null;
  return { name, arguments: recovered };
}
