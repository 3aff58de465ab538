/** One source of configuration, in precedence order (later wins). */
export interface ConfigLayer {
  /** A file path, `preset <name>`, `environment` or `command line`. */
  source: string;
  kind: "preset" | "user" | "project" | "environment" | "flags";
  /**
   * Whose choice the layer is: `user` for shipped presets, the user's file and what it extends,
   * the environment and flags; `project` for a repository's file and what it extends. The loader
   * always sets it; a layer made elsewhere without it counts as the project's.
   */
  scope?: "user" | "project";
  value: Record<string, unknown>;
}

export interface MergedConfig {
  value: Record<string, unknown>;
  /** Key path (segments joined by {@link pathKey}) → the source that set it last. */
  provenance: Map<string, string>;
}

/** Keys whose value is a map merged entry by entry rather than replaced whole. */
const MAP_KEYS: readonly string[] = ["plugins", "gateways"];

/**
 * Merges layers in order. `plugins`, `gateways` and the `extraMapKeys` merge per entry: `false`
 * turns an entry off, `true` turns it back on keeping earlier options, an object merges over
 * earlier options.
 * Everything else is replaced. `extends` is consumed by the loader and dropped here.
 */
export function mergeLayers(layers: readonly ConfigLayer[], extraMapKeys: readonly string[] = []): MergedConfig {
  const mapKeys = new Set([...MAP_KEYS, ...extraMapKeys]);
  const value: Record<string, unknown> = {};
  const provenance = new Map<string, string>();
  for (const layer of layers) {
    for (const [key, layerValue] of Object.entries(layer.value)) {
      if (key === "extends" || key === "$schema" || layerValue === undefined) continue;
      if (!mapKeys.has(key) || !isRecord(layerValue)) {
        value[key] = layerValue;
        provenance.set(pathKey([key]), layer.source);
        continue;
      }
      const target = (isRecord(value[key]) ? value[key] : (value[key] = {})) as Record<string, unknown>;
      for (const [entry, setting] of Object.entries(layerValue)) {
        provenance.set(pathKey([key, entry]), layer.source);
        const previous = target[entry];
        if (typeof setting === "boolean") {
          target[entry] = isRecord(previous) ? { ...previous, enabled: setting } : setting;
          provenance.set(pathKey([key, entry, "enabled"]), layer.source);
        } else if (isRecord(setting)) {
          const base = isRecord(previous) ? previous : previous === false ? { enabled: false } : {};
          target[entry] = { ...base, ...setting };
          for (const option of Object.keys(setting)) provenance.set(pathKey([key, entry, option]), layer.source);
        } else {
          target[entry] = setting;
        }
      }
    }
  }
  return { value, provenance };
}

/** The provenance key of a path. */
export function pathKey(path: readonly PropertyKey[]): string {
  return path.map(String).join("\u0000");
}

/** The source that set `path`, or the nearest parent key that has one. */
export function sourceOf(provenance: Map<string, string>, path: readonly PropertyKey[], fallback: string): string {
  for (let length = path.length; length > 0; length--) {
    const found = provenance.get(pathKey(path.slice(0, length)));
    if (found) return found;
  }
  return fallback;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
