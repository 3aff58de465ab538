import path from "node:path";
import { isInside, realWorkspace, toPosix } from "../resolve-workspace-path.js";
import { parsedRules } from "./decide-permission.js";
import { ruleAppliesToTool, ruleMatchesPath } from "./match-permission-rule.js";

/**
 * A predicate telling whether read deny rules (`read(.env)`, `grep(secrets/**)`) cover a file, so
 * a search over a directory skips files the model may not read one by one. Returns undefined when
 * no rule could match, so the search pays nothing.
 *
 * @param toolName the searching tool, matched against rule tool names and the `read` group
 */
export function createReadDenyFilter(
  deny: readonly string[] | undefined,
  toolName: string,
): ((absolutePath: string, workspace: string) => boolean) | undefined {
  const rules = parsedRules(deny).filter((rule) => rule.pattern !== undefined && ruleAppliesToTool(rule, toolName, "read"));
  if (rules.length === 0) return undefined;
  const roots = new Map<string, string>();
  return (absolutePath, workspace) => {
    let root = roots.get(workspace);
    if (root === undefined) {
      root = realWorkspace(workspace);
      roots.set(workspace, root);
    }
    const inside = isInside(root, absolutePath);
    const relative = inside ? toPosix(path.relative(root, absolutePath)) || "." : undefined;
    const subject = {
      absolute: toPosix(absolutePath),
      lexical: relative ?? toPosix(absolutePath),
      inside,
      ...(relative === undefined ? {} : { relative }),
    };
    return rules.some((rule) => ruleMatchesPath(rule.pattern ?? "", subject, true));
  };
}
