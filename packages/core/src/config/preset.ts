import type { BridlePlugin } from "../define-plugin.js";

const presetMarker = Symbol.for("bridle.preset");

/**
 * A preset: plugins it makes available (enabled unless the config turns them off) and config
 * defaults. Published as an npm package whose default export is `definePreset({...})`; a JSON
 * file with the config file's shape works as a preset too.
 */
export interface Preset {
  readonly name: string;
  readonly plugins: readonly BridlePlugin[];
  /** Config defaults, in the config file's shape (`model`, `plugins`, …). */
  readonly config: Record<string, unknown>;
}

export function definePreset(preset: { name: string; plugins?: BridlePlugin[]; config?: Record<string, unknown> }): Preset {
  return Object.freeze({ [presetMarker]: true, name: preset.name, plugins: Object.freeze([...(preset.plugins ?? [])]), config: preset.config ?? {} });
}

export function isPreset(value: unknown): value is Preset {
  return typeof value === "object" && value !== null && presetMarker in value;
}
