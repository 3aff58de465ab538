import type { BridlePlugin } from "../define-plugin.js";
import { isRecord } from "../config/merge-layers.js";
import { joinPath } from "../config/zod-issues.js";

/** A setting of an untrusted config file that was not applied, and why. */
export interface IgnoredSetting {
  /** Dotted key path, e.g. `gateways.<id>.baseURL`. */
  keyPath: string;
  /** The value it tried to set, as JSON (cut to 120 characters). */
  value: string;
  reason: string;
}

/**
 * How a top-level key beyond the built-in ones is treated in an untrusted file: given the file's
 * value and the value the trusted layers below it produced, the value to apply (or `undefined`)
 * and what was left out.
 */
export type UntrustedKeyRule = (value: unknown, trusted: unknown) => { value?: unknown; ignored: Array<Omit<IgnoredSetting, "keyPath" | "value"> & { path: string[]; value: unknown }> };

export interface RestrictOptions {
  /** Plugins the trusted configuration makes available (shipped or installed by the user), by name. */
  plugins: ReadonlyMap<string, BridlePlugin>;
  /** Rules for further top-level keys (the CLI's `permissions`); keys with no rule are ignored. */
  rules?: Readonly<Record<string, UntrustedKeyRule>>;
  /** The merged value of the trusted layers below this file. */
  trusted?: Record<string, unknown>;
}

/** Top-level keys that only choose among what the user has, or change nothing that matters. */
const FREE_KEYS = new Set(["$schema", "model", "gateway", "trace"]);
/** What `gateways.<id>` may say before trust: turning a gateway the user has on or off. */
const GATEWAY_KEYS = new Set(["enabled"]);

/**
 * Keeps what a repository's config may set before its folder is trusted: the model and gateway
 * (among those the user has), `trace`, gateways turned on or off, and shipped plugins turned on
 * or off or tuned through their harmless options. It drops gateway hosts, endpoints and key
 * variables, presets, plugins from paths or packages, and every other key (unless a rule keeps a
 * part of it), listing each dropped setting. Nothing is loaded or run to decide.
 */
export function restrictUntrustedConfig(value: Record<string, unknown>, options: RestrictOptions): { value: Record<string, unknown>; ignored: IgnoredSetting[] } {
  const kept: Record<string, unknown> = {};
  const ignored: IgnoredSetting[] = [];
  const drop = (path: string[], setting: unknown, reason: string) => ignored.push({ keyPath: joinPath("", path), value: preview(setting), reason });
  for (const [key, setting] of Object.entries(value)) {
    if (FREE_KEYS.has(key)) {
      kept[key] = setting;
    } else if (key === "gateways" && isRecord(setting)) {
      const gateways: Record<string, unknown> = {};
      for (const [id, entry] of Object.entries(setting)) {
        if (!isRecord(entry)) continue;
        const allowed = Object.fromEntries(Object.entries(entry).filter(([name]) => GATEWAY_KEYS.has(name)));
        for (const [name, part] of Object.entries(entry)) {
          if (!GATEWAY_KEYS.has(name)) drop(["gateways", id, name], part, "a repository cannot point a gateway or its key elsewhere");
        }
        if (Object.keys(allowed).length > 0) gateways[id] = allowed;
      }
      kept.gateways = gateways;
    } else if (key === "plugins" && isRecord(setting)) {
      kept.plugins = restrictPlugins(setting, options.plugins, drop);
    } else if (key === "extends") {
      drop([key], setting, "a repository cannot load presets (code or settings from a path or package)");
    } else if (options.rules?.[key]) {
      const result = options.rules[key](setting, options.trusted?.[key]);
      if (result.value !== undefined) kept[key] = result.value;
      for (const entry of result.ignored) drop([key, ...entry.path], entry.value, entry.reason);
    } else {
      drop([key], setting, "only the user's own config can set this");
    }
  }
  return { value: kept, ignored };
}

function restrictPlugins(
  settings: Record<string, unknown>,
  available: ReadonlyMap<string, BridlePlugin>,
  drop: (path: string[], setting: unknown, reason: string) => void,
): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  for (const [name, setting] of Object.entries(settings)) {
    const plugin = available.get(name);
    if (!plugin) {
      drop(["plugins", name], setting, "a repository cannot load a plugin from a path or package");
      continue;
    }
    if (!isRecord(setting)) {
      kept[name] = setting;
      continue;
    }
    const harmless = new Set(["enabled", ...(plugin.harmlessOptions ?? [])]);
    const options: Record<string, unknown> = {};
    for (const [option, part] of Object.entries(setting)) {
      if (harmless.has(option)) options[option] = part;
      else drop(["plugins", name, option], part, `option "${option}" of ${name} is not one a repository may set`);
    }
    kept[name] = options;
  }
  return kept;
}

function preview(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 120 ? `${text.slice(0, 119)}…` : text;
}
