import { existsSync } from "node:fs";
import path from "node:path";
import type { z } from "zod";
import type { PluginEntry } from "../create-kernel.js";
import { type BridlePlugin, isPlugin } from "../define-plugin.js";
import type { ConfigIssue } from "../errors/config-error.js";
import { baseConfigSchema } from "./config-schema.js";
import { findProjectConfigFile, userConfigFile } from "./config-files.js";
import { importDefault, isPathSpecifier, resolveSpecifier } from "./load-module.js";
import { type ConfigLayer, isRecord, mergeLayers, sourceOf } from "./merge-layers.js";
import { parsePluginOptions } from "./parse-plugin-options.js";
import { isPreset, type Preset } from "./preset.js";
import { readConfigFile } from "./read-config-file.js";
import { joinPath, toConfigIssues } from "./zod-issues.js";
import { type IgnoredSetting, restrictUntrustedConfig, type UntrustedKeyRule } from "../trust/restrict-untrusted-config.js";
import { isFolderListed, projectConfigFolder, trustListsOf } from "../trust/trusted-folders.js";

export interface LoadConfigOptions {
  /** Where project config discovery starts. */
  cwd: string;
  environment?: NodeJS.ProcessEnv;
  /** Use this file as the project config instead of discovering one (`--config <file>`). */
  configFile?: string;
  /** The user config file; `false` skips it. Defaults to the XDG location. */
  userConfigFile?: string | false;
  /** Values from command-line flags, applied last. */
  flags?: Record<string, unknown>;
  /** Presets applied before any file (the CLI's default preset). */
  basePresets?: readonly Preset[];
  /** The top-level schema; extend {@link baseConfigSchema} to add keys (e.g. permissions). */
  schema?: z.ZodObject;
  /** Top-level keys the schema adds whose value is a map merged entry by entry, like `gateways`. */
  mapKeys?: readonly string[];
  /** Apply the project config in full this run, trusted or not (`--trust`). */
  trustProject?: boolean;
  /**
   * What an untrusted project config may set of keys beyond the core ones (the CLI's
   * `permissions`); a key without a rule is ignored in an untrusted file.
   */
  untrustedRules?: Readonly<Record<string, UntrustedKeyRule>>;
}

/** Whether the project config applied in full, and what was left out when it did not. */
export interface ProjectTrust {
  /** `none`: no project config; `untrusted`: never decided; `declined`: the user said no. */
  state: "none" | "trusted" | "untrusted" | "declined";
  /** The project config file. */
  file?: string;
  /** The folder a trust decision is about (the one holding the config). */
  folder?: string;
  /** How it came to be trusted. */
  via?: "user config" | "--trust";
  /** Settings of the project config that were not applied. */
  ignored: IgnoredSetting[];
}

/** How one plugin ended up configured, for `bridle plugins`. */
export interface PluginSummary {
  name: string;
  description: string;
  enabled: boolean;
  /** Where the plugin comes from: a preset, a package or a file. */
  origin: string;
  /** The config source that last turned it on, off or tuned it; its origin when nothing did. */
  decidedBy: string;
}

export interface ResolvedConfig {
  /** Merged top-level settings (`plugins` excluded: see `plugins`). */
  settings: Record<string, unknown>;
  /** Plugins ready for `createKernel`, with their merged options and sources. */
  plugins: PluginEntry[];
  summaries: PluginSummary[];
  layers: ConfigLayer[];
  /** Every problem found; the config is valid when this is empty. */
  issues: ConfigIssue[];
  /** Whether the workspace's config was trusted, and what it could not set if not. */
  trust: ProjectTrust;
  /** The user config file that was read (or would be), when there is one. */
  userConfigFile?: string;
  /**
   * `gateways` as the user's own layers set them (presets, the user's file, flags), without the
   * project's: only these may bind a key to a host (see `GatewayRegistry.configure`).
   */
  userGateways: Record<string, Record<string, unknown>>;
}

const ENVIRONMENT_SOURCE = "environment";
const FLAGS_SOURCE = "command line";

/**
 * Loads the configuration: base presets, the user file, the project file, the environment, then
 * flags, later winning. `extends` in any file pulls presets in just before that file. Plugins
 * named in `plugins` are matched to preset plugins, or loaded from a package or path. Never
 * throws for bad input: every problem is returned in `issues` with file and key path.
 *
 * A project config (found in the workspace or a parent, or given with `configFile`) applies in
 * full only when its folder is in the user config's `trustedFolders` or `trustProject` is set.
 * Otherwise only what `restrictUntrustedConfig` keeps applies, nothing it names is imported, and
 * `trust.ignored` lists the rest.
 */
export async function loadConfig(options: LoadConfigOptions): Promise<ResolvedConfig> {
  const schema = options.schema ?? baseConfigSchema;
  const environment = options.environment ?? process.env;
  const issues: ConfigIssue[] = [];
  const layers: ConfigLayer[] = [];
  const available = new Map<string, { plugin: BridlePlugin; origin: string }>();
  const visiting = new Set<string>();

  const addPreset = (preset: Preset, source: string, scope: ConfigLayer["scope"] = "user") => {
    for (const plugin of preset.plugins) {
      if (!available.has(plugin.name)) available.set(plugin.name, { plugin, origin: source });
    }
    const parsed = schema.safeParse(preset.config);
    if (!parsed.success) issues.push(...toConfigIssues(parsed.error.issues, [], () => source));
    else layers.push({ source, kind: "preset", scope, value: preset.config });
  };

  const addExtends = async (value: Record<string, unknown>, file: string, scope: ConfigLayer["scope"]) => {
    const specifiers = typeof value.extends === "string" ? [value.extends] : Array.isArray(value.extends) ? value.extends : [];
    for (const [index, specifier] of specifiers.entries()) {
      if (typeof specifier !== "string") continue;
      const keyPath = Array.isArray(value.extends) ? `extends[${index}]` : "extends";
      let resolved: string;
      try {
        resolved = resolveSpecifier(specifier, file);
        if (!existsSync(resolved)) throw new Error(`no such file ${resolved}`);
      } catch (error) {
        issues.push({ file, keyPath, message: `cannot find preset "${specifier}": ${firstLine(error)}` });
        continue;
      }
      if (resolved.endsWith(".json")) {
        await addFile(resolved, "preset", scope);
        continue;
      }
      try {
        const loaded = await importDefault(resolved);
        if (isPreset(loaded)) addPreset(loaded, `preset ${loaded.name}`, scope);
        else if (isRecord(loaded)) addPreset({ name: specifier, plugins: [], config: loaded }, `preset ${specifier}`, scope);
        else issues.push({ file, keyPath, message: `"${specifier}" does not export a preset (definePreset) or a config object` });
      } catch (error) {
        issues.push({ file, keyPath, message: `preset "${specifier}" failed to load: ${firstLine(error)}` });
      }
    }
  };

  const trust: ProjectTrust = { state: "none", ignored: [] };
  const addFile = async (file: string, kind: ConfigLayer["kind"], scope: ConfigLayer["scope"], trusted = true) => {
    if (visiting.has(file)) {
      issues.push({ file, keyPath: "extends", message: "extends itself (a cycle of presets)" });
      return;
    }
    visiting.add(file);
    const read = readConfigFile(file);
    issues.push(...read.issues);
    if (!isRecord(read.value)) return;
    const parsed = schema.safeParse(read.value);
    if (!parsed.success) {
      issues.push(...toConfigIssues(parsed.error.issues, [], () => file));
      return;
    }
    if (!trusted) {
      const restricted = restrictUntrustedConfig(read.value, {
        plugins: new Map([...available.values()].map(({ plugin }) => [plugin.name, plugin])),
        ...(options.untrustedRules ? { rules: options.untrustedRules } : {}),
        trusted: mergeLayers(layers, options.mapKeys).value,
      });
      trust.ignored.push(...restricted.ignored);
      layers.push({ source: file, kind, scope, value: restricted.value });
      return;
    }
    await addExtends(read.value, file, scope);
    layers.push({ source: file, kind, scope, value: read.value });
  };

  for (const preset of options.basePresets ?? []) addPreset(preset, `preset ${preset.name}`);
  const userFile = options.userConfigFile === undefined ? userConfigFile(environment) : options.userConfigFile;
  if (userFile && existsSync(userFile)) await addFile(userFile, "user", "user");
  const projectFile = options.configFile ? path.resolve(options.cwd, options.configFile) : findProjectConfigFile(options.cwd);
  if (options.configFile && projectFile && !existsSync(projectFile)) {
    issues.push({ file: projectFile, keyPath: "", message: "config file does not exist (given with --config)" });
  } else if (projectFile) {
    // Trust is remembered in the user's own file only; a preset or the project cannot grant it.
    const userLayer = layers.find((layer) => layer.kind === "user");
    const lists = trustListsOf(userLayer?.value);
    const folder = projectConfigFolder(projectFile);
    Object.assign(trust, { file: projectFile, folder });
    if (options.trustProject) Object.assign(trust, { state: "trusted", via: "--trust" });
    else if (isFolderListed(folder, lists.trusted)) Object.assign(trust, { state: "trusted", via: "user config" });
    else trust.state = isFolderListed(folder, lists.declined) ? "declined" : "untrusted";
    await addFile(projectFile, "project", "project", trust.state === "trusted");
  }
  layers.push({ source: ENVIRONMENT_SOURCE, kind: "environment", scope: "user", value: environmentSettings(environment, issues) });
  if (options.flags) {
    const flags = Object.fromEntries(Object.entries(options.flags).filter(([, value]) => value !== undefined));
    const parsed = schema.safeParse(flags);
    if (!parsed.success) issues.push(...toConfigIssues(parsed.error.issues, [], () => FLAGS_SOURCE));
    else if (Object.keys(flags).length > 0) layers.push({ source: FLAGS_SOURCE, kind: "flags", scope: "user", value: flags });
  }

  const merged = mergeLayers(layers, options.mapKeys);
  const { plugins: pluginSettings = {}, ...settings } = merged.value as { plugins?: Record<string, unknown> };
  const entries: PluginEntry[] = [];
  const summaries: PluginSummary[] = [];
  const configured = new Map<string, { key: string; plugin: BridlePlugin; origin: string }>();

  for (const key of Object.keys(pluginSettings)) {
    const file = sourceOf(merged.provenance, ["plugins", key], FLAGS_SOURCE);
    const known = available.get(key);
    if (known) {
      configured.set(known.plugin.name, { key, plugin: known.plugin, origin: known.origin });
      continue;
    }
    const loaded = await loadThirdPartyPlugin(key, file, [...available.keys()]);
    if ("issue" in loaded) {
      issues.push({ file, keyPath: joinPath("", ["plugins", key]), message: loaded.issue });
      continue;
    }
    configured.set(loaded.plugin.name, { key, plugin: loaded.plugin, origin: loaded.origin });
  }

  const ordered = [
    ...[...available.values()].map(({ plugin, origin }) => configured.get(plugin.name) ?? { key: plugin.name, plugin, origin }),
    ...[...configured.values()].filter(({ plugin }) => !available.has(plugin.name) || available.get(plugin.name)?.plugin !== plugin),
  ];
  for (const { key, plugin, origin } of ordered) {
    const setting = pluginSettings[key];
    const decidedBy = sourceOf(merged.provenance, ["plugins", key], origin);
    const parsed = parsePluginOptions(plugin, setting);
    if (!parsed.success) {
      issues.push(...toConfigIssues(parsed.error.issues, ["plugins", key], (issuePath) => sourceOf(merged.provenance, issuePath, decidedBy)));
      continue;
    }
    const enabled = parsed.data.enabled;
    entries.push({ plugin, options: parsed.data, source: decidedBy });
    summaries.push({ name: plugin.name, description: plugin.description, enabled, origin, decidedBy });
  }

  const userGateways = mergeLayers(layers.filter((layer) => layer.scope === "user")).value.gateways;
  return {
    settings,
    plugins: entries,
    summaries,
    layers,
    issues,
    trust,
    userGateways: isRecord(userGateways) ? (userGateways as ResolvedConfig["userGateways"]) : {},
    ...(userFile ? { userConfigFile: userFile } : {}),
  };
}

async function loadThirdPartyPlugin(
  specifier: string,
  file: string,
  known: string[],
): Promise<{ plugin: BridlePlugin; origin: string } | { issue: string }> {
  const from = path.isAbsolute(file) ? file : path.join(process.cwd(), "bridle.config.json");
  let resolved: string;
  try {
    resolved = resolveSpecifier(specifier, from);
    if (!existsSync(resolved)) throw new Error(`no such file ${resolved}`);
  } catch (error) {
    const hint = isPathSpecifier(specifier) ? "" : ` It is not a plugin of the loaded presets (${known.join(", ") || "none"}) either.`;
    return { issue: `unknown plugin "${specifier}": cannot load it (${firstLine(error)}).${hint}` };
  }
  let loaded: unknown;
  try {
    loaded = await importDefault(resolved);
  } catch (error) {
    return { issue: `plugin "${specifier}" failed to load: ${firstLine(error)}` };
  }
  const plugin = isPlugin(loaded) ? loaded : isRecord(loaded) && isPlugin(loaded.plugin) ? loaded.plugin : undefined;
  if (!plugin) return { issue: `"${specifier}" (${resolved}) does not export a plugin made with definePlugin` };
  return { plugin, origin: resolved };
}

/** `BRIDLE_MODEL`, `BRIDLE_GATEWAY` and `BRIDLE_TRACE` as a config layer. */
function environmentSettings(environment: NodeJS.ProcessEnv, issues: ConfigIssue[]): Record<string, unknown> {
  const value: Record<string, unknown> = {};
  if (environment.BRIDLE_MODEL) value.model = environment.BRIDLE_MODEL;
  if (environment.BRIDLE_GATEWAY) value.gateway = environment.BRIDLE_GATEWAY;
  const trace = environment.BRIDLE_TRACE;
  if (trace !== undefined && trace !== "") {
    if (/^(1|true|yes|on)$/i.test(trace)) value.trace = true;
    else if (/^(0|false|no|off)$/i.test(trace)) value.trace = false;
    else issues.push({ file: ENVIRONMENT_SOURCE, keyPath: "BRIDLE_TRACE", message: `expected 1/0/true/false, received "${trace}"` });
  }
  return value;
}

function firstLine(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).split("\n")[0] ?? "";
}
