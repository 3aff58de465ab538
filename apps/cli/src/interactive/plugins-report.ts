import type { LoadedPlugin } from "@bridle/core";
import type { Report } from "./report.js";

/** `/plugins`: each loaded plugin, whether it is enabled, what it does and where it was configured. */
export function pluginsReport(plugins: readonly LoadedPlugin[]): Report {
  if (plugins.length === 0) return { title: "plugins · none loaded", rows: [], notes: ['add plugins under "plugins" in bridle.config.json'] };
  const enabled = plugins.filter((plugin) => plugin.enabled).length;
  return {
    title: `plugins · ${enabled} of ${plugins.length} enabled`,
    columns: ["plugin", "state", "configured in", "description"],
    rows: plugins.map((plugin) => ({
      cells: [plugin.name, plugin.enabled ? "enabled" : "disabled", plugin.source, plugin.description],
      tone: plugin.enabled ? ("normal" as const) : ("dim" as const),
    })),
    notes: ['turn one off with "plugins": { "<name>": false } in bridle.config.json'],
  };
}
