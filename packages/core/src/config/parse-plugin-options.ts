import type { z } from "zod";
import type { BridlePlugin } from "../define-plugin.js";

/** A plugin's options after its schema: defaults filled, `enabled` decided. */
export type ParsedPluginOptions = Record<string, unknown> & { enabled: boolean };

/** Options objects this module produced, so a second reader (`createKernel` after `loadConfig`) does not parse them again. */
const parsedOptions = new WeakSet<object>();

/**
 * Validates what a config says for one plugin against the plugin's schema: `true` or nothing
 * means the defaults, `false` disables it, an object is its options. Options this function
 * already produced come back as they are, so loading a config and building the kernel parse
 * each plugin's options once.
 */
export function parsePluginOptions(
  plugin: Pick<BridlePlugin, "options">,
  setting: unknown,
): { success: true; data: ParsedPluginOptions } | { success: false; error: z.ZodError } {
  if (typeof setting === "object" && setting !== null && parsedOptions.has(setting)) return { success: true, data: setting as ParsedPluginOptions };
  const raw = setting === undefined || setting === true ? {} : setting === false ? { enabled: false } : setting;
  const parsed = plugin.options.safeParse(raw);
  if (!parsed.success) return { success: false, error: parsed.error };
  const data = parsed.data as ParsedPluginOptions;
  parsedOptions.add(data);
  return { success: true, data };
}
