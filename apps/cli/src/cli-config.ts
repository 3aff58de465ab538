import { baseConfigSchema, loadConfig, type ResolvedConfig } from "@bridle/core";
import { permissionsConfigSchema, restrictUntrustedPermissions } from "@bridle/tools";
import type { z } from "zod";

/** The config schema the CLI validates: core keys plus tool permissions. */
export const cliConfigSchema = baseConfigSchema.extend({
  permissions: permissionsConfigSchema.optional().describe("Permission mode and allow/deny rules for tools."),
});
import { defaultPreset } from "@bridle/preset-default";

/** Options every command understands. */
export interface GlobalOptions {
  config?: string;
  trace?: boolean;
  model?: string;
  gateway?: string;
  /** Apply the project config in full this run (`--trust`). */
  trust?: boolean;
}

/** Loads the configuration the way every command sees it: default preset, files, env, flags. */
export function loadCliConfig(
  options: GlobalOptions,
  cwd = process.cwd(),
  environment = process.env,
  schema: z.ZodObject = cliConfigSchema,
): Promise<ResolvedConfig> {
  return loadConfig({
    cwd,
    environment,
    schema,
    configFile: options.config,
    basePresets: [defaultPreset],
    flags: { model: options.model, gateway: options.gateway, trace: options.trace },
    untrustedRules: { permissions: restrictUntrustedPermissions },
    ...(options.trust ? { trustProject: true } : {}),
  });
}
