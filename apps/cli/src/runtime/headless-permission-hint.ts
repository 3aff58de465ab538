import path from "node:path";
import type { Tool } from "@bridle/core";
import type { PermissionVerdict } from "@bridle/tools";

/**
 * What a run that cannot ask says about a call that needs asking: only what would allow that
 * call. A path outside the workspace is let through by an allow rule naming it and by nothing
 * else (no flag reaches outside); `--allow-edits` covers edits, `--yes` commands as well.
 */
export function headlessPermissionHint(verdict: Pick<PermissionVerdict, "outsidePath">, tool: Pick<Tool, "name" | "kind" | "permissionGroup">): string {
  if (verdict.outsidePath !== undefined) {
    return `allow it with a rule naming the path under permissions.allow, such as "${tool.name}(${path.dirname(verdict.outsidePath)}/**)" (no flag allows paths outside the workspace)`;
  }
  const rule = tool.permissionGroup ? `${tool.permissionGroup}(${tool.name})` : `${tool.name}(…)`;
  const flags = tool.kind === "edit" ? "--allow-edits or --yes" : "--yes";
  return `allow it with ${flags}, or an allow rule such as "${rule}" under permissions.allow`;
}
