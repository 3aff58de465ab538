/** A parsed permission rule: `tool` or `tool(pattern)`. */
export interface PermissionRule {
  /** The rule as written in the config. */
  source: string;
  /** Lower-cased tool name, a group name (`read`, `edit`, `bash`), or `*` for every tool. */
  tool: string;
  /** Glob over the call's paths, or over its command for shell tools; absent means every call. */
  pattern?: string;
}

/** A permission rule that cannot be parsed; the message names the rule. */
export class PermissionRuleError extends Error {
  override name = "PermissionRuleError";
}

const RULE = /^([A-Za-z0-9_.*-]+)(?:\((.*)\))?$/s;

/**
 * Parses `bash(npm test*)`, `edit(src/**)`, `read(.env)` or a bare tool name such as `bash`.
 * Tool names are case-insensitive, so Claude Code's `Bash(…)` and `Read(…)` spellings work.
 *
 * @throws PermissionRuleError for an empty rule, a bad tool name, unbalanced parentheses or `tool()`
 */
export function parsePermissionRule(text: string): PermissionRule {
  const trimmed = text.trim();
  if (trimmed === "") throw new PermissionRuleError("Permission rule is empty; write tool or tool(pattern).");
  const match = RULE.exec(trimmed);
  if (!match) {
    throw new PermissionRuleError(
      `Permission rule ${JSON.stringify(text)} is not tool or tool(pattern), e.g. "bash(npm test*)" or "read(.env)".`,
    );
  }
  const tool = (match[1] ?? "").toLowerCase();
  const pattern = match[2];
  if (pattern === undefined) return { source: text, tool };
  if (pattern.trim() === "") {
    throw new PermissionRuleError(`Permission rule ${JSON.stringify(text)} has an empty pattern; drop the () to match every call.`);
  }
  return { source: text, tool, pattern: pattern.trim() };
}
