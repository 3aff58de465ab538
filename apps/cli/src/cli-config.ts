import { baseConfigSchema, loadConfig, type ResolvedConfig } from "@bridle/core";
import { mcpConfigSchema } from "@bridle/plugin-mcp";
import { defaultPreset } from "@bridle/preset-default";
import { permissionsConfigSchema, restrictUntrustedPermissions } from "@bridle/tools";
import type { z } from "zod";

/** The config schema the CLI validates: core keys plus tool permissions and MCP servers. */
export const cliConfigSchema = baseConfigSchema.extend({
  permissions: permissionsConfigSchema.optional().describe("Permission mode and allow/deny rules for tools."),
  mcp: mcpConfigSchema.optional(),
});


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
    // Servers merge one by one across files, as gateways do.
    mapKeys: ["mcp"],
    flags: { model: options.model, gateway: options.gateway, trace: options.trace },
    // MCP servers stay visible from an untrusted file: the MCP plugin lists them and starts none of them.
    untrustedRules: { permissions: restrictUntrustedPermissions, mcp: (value) => ({ value, ignored: [] }) },
    ...(options.trust ? { trustProject: true } : {}),
  });
}
