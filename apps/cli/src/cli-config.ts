import { loadConfig, type ResolvedConfig } from "@bridle/core";
import { defaultPreset } from "@bridle/preset-default";

/** Options every command understands. */
export interface GlobalOptions {
  config?: string;
  trace?: boolean;
  model?: string;
  gateway?: string;
}

/** Loads the configuration the way every command sees it: default preset, files, env, flags. */
export function loadCliConfig(options: GlobalOptions, cwd = process.cwd(), environment = process.env): Promise<ResolvedConfig> {
  return loadConfig({
    cwd,
    environment,
    configFile: options.config,
    basePresets: [defaultPreset],
    flags: { model: options.model, gateway: options.gateway, trace: options.trace },
  });
}
