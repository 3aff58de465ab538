import { type ConfigIssue, type ConfigLayer, didYouMean, type GatewayRegistry } from "@bridle/core";
import { createBuiltinTools, parsePermissionRule } from "@bridle/tools";

/** Names a permission rule may use besides a tool's own: the groups and `*`. */
const RULE_GROUPS = ["read", "edit", "bash", "shell", "*"];

/**
 * Problems the schema cannot see because they depend on what exists: a `gateway` that no plugin
 * defines nor config adds, and permission rules naming a tool that does not exist (a rule that
 * can never match is a rule the user thinks protects them). Each names the file that set it.
 * `gateways` is the registry the config's plugins and `gateways` sections built; absent when it
 * could not be built (that problem is reported on its own).
 */
export function checkSettings(settings: Record<string, unknown>, layers: readonly ConfigLayer[], gateways: GatewayRegistry | undefined): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const fileFor = (key: string, inner?: (value: unknown) => boolean) =>
    layers.findLast((layer) => layer.value[key] !== undefined && (inner?.(layer.value[key]) ?? true))?.source ?? "config";

  const requested = typeof settings.gateway === "string" ? [settings.gateway] : Array.isArray(settings.gateway) ? settings.gateway : [];
  for (const gateway of gateways ? requested : []) {
    if (typeof gateway !== "string" || gateways!.get(gateway)) continue;
    const known = gateways!.list().map((entry) => entry.id);
    const hint = didYouMean(gateway, known);
    issues.push({ file: fileFor("gateway"), keyPath: "gateway", message: `unknown gateway "${gateway}"${hint ? `; ${hint}` : ""} (known: ${known.join(", ")}; add others under "gateways")` });
  }

  const toolNames = [...new Set([...createBuiltinTools().map((tool) => tool.name), ...RULE_GROUPS])];
  const permissions = (settings.permissions ?? {}) as { allow?: unknown; deny?: unknown };
  for (const list of ["allow", "deny"] as const) {
    const rules = Array.isArray(permissions[list]) ? (permissions[list] as unknown[]) : [];
    rules.forEach((rule, index) => {
      if (typeof rule !== "string") return;
      let tool: string;
      try {
        tool = parsePermissionRule(rule).tool;
      } catch {
        return; // The schema reports rules that do not parse.
      }
      if (toolNames.includes(tool)) return;
      const hint = didYouMean(tool, toolNames);
      issues.push({
        file: fileFor("permissions", (value) => JSON.stringify(value).includes(JSON.stringify(rule))),
        keyPath: `permissions.${list}[${index}]`,
        message: `rule "${rule}" names no tool "${tool}"${hint ? `; ${hint}` : ""} (tools: ${toolNames.filter((name) => name !== "*").join(", ")}, or *)`,
      });
    });
  }
  return issues;
}
