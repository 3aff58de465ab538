/** Rule name recorded when a tool name matched only ignoring case and separators. */
export const TOOL_NAME_CASE = "tool-name-case";

/** Lower case without `_`, `-`, spaces: `TodoWrite`, `todo_write` and `todo-write` agree. */
export function normalizeToolName(name: string): string {
  return name.toLowerCase().replace(/[_\-\s]/g, "");
}

/**
 * The one offered tool whose name equals `name` ignoring case and `_`/`-` separators
 * (`Write` → `write`, `TodoWrite` → `todowrite`); `null` when none or several do.
 */
export function matchToolNameCase(name: string, offered: readonly string[]): string | null {
  const wanted = normalizeToolName(name);
  let found: string | null = null;
  for (const candidate of offered) {
    if (normalizeToolName(candidate) !== wanted) continue;
    if (found !== null) return null;
    found = candidate;
  }
  return found;
}
