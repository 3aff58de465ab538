import { matchToolNameCase } from "./tool-name-case.js";

/** Rule name recorded when a namespace, prefix or suffix was cut from a tool name. */
export const TOOL_NAME_PREFIX = "tool-name-prefix";

/**
 * The offered tool a namespaced or prefixed name stands for: `functions.read`, `default_api:read`,
 * `mcp__fs__read_file`, `ProxyRead` (a CamelCase prefix), `read_tool`. Only a prefix ending at a
 * separator or a CamelCase boundary counts, and the match must be unique; `null` otherwise.
 */
export function matchToolNamePrefix(name: string, offered: readonly string[]): string | null {
  // Namespaces: try every suffix after a separator, longest first.
  const separator = /(?:\.|:|\/|__)/g;
  for (let match = separator.exec(name); match !== null; match = separator.exec(name)) {
    const rest = name.slice(match.index + match[0].length);
    if (rest === "") continue;
    if (offered.includes(rest)) return rest;
    const byCase = matchToolNameCase(rest, offered);
    if (byCase !== null) return byCase;
  }
  const withoutSuffix = name.replace(/(?:_tool|Tool)$/, "");
  if (withoutSuffix !== name && withoutSuffix !== "") {
    if (offered.includes(withoutSuffix)) return withoutSuffix;
    const byCase = matchToolNameCase(withoutSuffix, offered);
    if (byCase !== null) return byCase;
  }
  // Glued prefixes: the name ends with a tool's name at a word boundary.
  const lower = name.toLowerCase();
  let best: string | null = null;
  let tie = false;
  for (const candidate of offered) {
    const tail = candidate.toLowerCase();
    if (tail.length === 0 || tail.length >= lower.length || !lower.endsWith(tail)) continue;
    const boundary = name.length - candidate.length;
    const first = name[boundary] ?? "";
    const before = name[boundary - 1] ?? "";
    const camel = /\p{Lu}/u.test(first) && /[\p{Ll}\p{N}]/u.test(before);
    const separated = before === "_" || before === "-";
    if (!camel && !separated) continue;
    if (best === null || candidate.length > best.length) {
      best = candidate;
      tie = false;
    } else if (candidate.length === best.length) {
      tie = true;
    }
  }
  return tie ? null : best;
}
