import { type ConfigIssue, type ConfigLayer, didYouMean, type GatewayRegistry } from "@bridle/core";
import { createBuiltinTools, parsePermissionRule } from "@bridle/tools";

/** Names a permission rule may use besides a tool's own: the groups and `*`. */
const RULE_GROUPS = ["read", "edit", "bash", "shell", "*"];

/**
 * Problems the schema cannot see because they depend on what exists: a `gateway` that no plugin
 * defines nor config adds, and permission rules naming a tool that does not exist (a rule that
 * can never match is a rule the user thinks protects them). Each names the file that set it
 * (and, for a rule, its index in that file).
 * `gateways` is the registry the config's plugins and `gateways` sections built; absent when it
 * could not be built (that problem is reported on its own).
 */
export function checkSettings(settings: Record<string, unknown>, layers: readonly ConfigLayer[], gateways: GatewayRegistry | undefined): ConfigIssue[] {
  const issues: ConfigIssue[] = [];
  const gatewayFile = layers.findLast((layer) => layer.value.gateway !== undefined)?.source ?? "config";

  const requested = typeof settings.gateway === "string" ? [settings.gateway] : Array.isArray(settings.gateway) ? settings.gateway : [];
  for (const gateway of gateways ? requested : []) {
    if (typeof gateway !== "string" || gateways!.get(gateway)) continue;
    const known = gateways!.list().map((entry) => entry.id);
    const hint = didYouMean(gateway, known);
    issues.push({ file: gatewayFile, keyPath: "gateway", message: `unknown gateway "${gateway}"${hint ? `; ${hint}` : ""} (known: ${known.join(", ")}; add others under "gateways")` });
  }

  const toolNames = [...new Set([...createBuiltinTools().map((tool) => tool.name), ...RULE_GROUPS])];
  const permissions = (settings.permissions ?? {}) as { allow?: unknown; deny?: unknown };
  for (const list of ["allow", "deny"] as const) {
    const rules = Array.isArray(permissions[list]) ? (permissions[list] as unknown[]) : [];
    const origins = ruleOrigins(layers, list);
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
      const origin = origins[index];
      issues.push({
        file: origin?.source ?? "config",
        keyPath: `permissions.${list}[${origin?.index ?? index}]`,
        message: `rule "${rule}" names no tool "${tool}"${hint ? `; ${hint}` : ""} (tools: ${toolNames.filter((name) => name !== "*").join(", ")}, or *)`,
      });
    });
  }
  return issues;
}

/**
 * For each rule of the merged `permissions.<list>`, the layer that wrote it and its index there.
 * A layer's `permissions` replaces the one before it, except that a list beginning with the
 * earlier list extends it: an untrusted repository's layer carries the user's rules, then adds
 * its own deny rules, and those earlier rules are still the user's.
 */
export function ruleOrigins(layers: readonly ConfigLayer[], list: "allow" | "deny"): Array<{ source: string; index: number }> {
  let rules: unknown[] = [];
  let origins: Array<{ source: string; index: number }> = [];
  for (const layer of layers) {
    const permissions = layer.value.permissions;
    if (typeof permissions !== "object" || permissions === null || Array.isArray(permissions)) continue;
    const next = (permissions as Record<string, unknown>)[list];
    const layerRules = Array.isArray(next) ? next : [];
    const kept = layerRules.length >= rules.length && rules.every((rule, index) => JSON.stringify(rule) === JSON.stringify(layerRules[index])) ? rules.length : 0;
    origins = [...origins.slice(0, kept), ...layerRules.slice(kept).map((_, offset) => ({ source: layer.source, index: offset }))];
    rules = layerRules;
  }
  return origins;
}
