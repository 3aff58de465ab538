import type { ConfigLayer } from "@bridle/core";

/**
 * Which config layers may start programs or reach hosts (MCP servers): the presets the CLI ships,
 * the user's config and what it extends, the environment and flags. The repository's config file
 * (`bridle.config.json`, `.bridle/config.json`, `--config`) and every preset it extends are not
 * trusted. Presets pulled in by the project file sit between the user layer (or the base presets)
 * and the project layer.
 */
export function layerTrust(layers: readonly ConfigLayer[], basePresetCount: number): (layer: ConfigLayer) => boolean {
  const projectIndex = layers.findIndex((layer) => layer.kind === "project");
  if (projectIndex === -1) return () => true;
  const userIndex = layers.findLastIndex((layer) => layer.kind === "user");
  const firstProjectLayer = Math.max(userIndex + 1, basePresetCount);
  const untrusted = new Set(layers.slice(firstProjectLayer, projectIndex + 1));
  return (layer) => !untrusted.has(layer);
}
