import type { GatewayDefaults, GatewayDefinition } from "./gateway-definition.js";

type Section = Record<string, unknown>;

/**
 * A definition with shared facts added: in `response`, `overflow`, `errors` and `toolCallIds`,
 * lists are appended after the definition's own (its own patterns and paths are tried first) and
 * other values are filled only where the definition has none.
 */
export function mergeGatewayDefaults(definition: GatewayDefinition, defaults: readonly GatewayDefaults[]): GatewayDefinition {
  if (defaults.length === 0) return definition;
  const merged: Record<string, unknown> = { ...definition };
  for (const key of ["response", "overflow", "errors", "toolCallIds"] as const) {
    let section: Section | undefined = definition[key] as Section | undefined;
    for (const fragment of defaults) {
      const extra = fragment[key] as Section | undefined;
      if (extra) section = mergeSection(section, extra);
    }
    if (section) merged[key] = section;
  }
  return merged as unknown as GatewayDefinition;
}

function mergeSection(own: Section | undefined, extra: Section): Section {
  const result: Section = { ...own };
  for (const [name, value] of Object.entries(extra)) {
    const current = result[name];
    if (Array.isArray(value)) result[name] = Array.isArray(current) ? [...new Set([...current, ...value])] : [...value];
    else if (current === undefined) result[name] = value;
  }
  return result;
}
