import { existsSync } from "node:fs";
import { homedir } from "node:os";
import path from "node:path";

/** The user config file: `$XDG_CONFIG_HOME/bridle/config.json`, else `~/.config/bridle/config.json`. */
export function userConfigFile(environment: NodeJS.ProcessEnv = process.env): string {
  const base = environment.XDG_CONFIG_HOME && path.isAbsolute(environment.XDG_CONFIG_HOME)
    ? environment.XDG_CONFIG_HOME
    : path.join(environment.HOME ?? homedir(), ".config");
  return path.join(base, "bridle", "config.json");
}

export const PROJECT_CONFIG_NAMES = ["bridle.config.json", path.join(".bridle", "config.json")] as const;

/**
 * The nearest project config file, looking in `directory` and then each parent:
 * `bridle.config.json` first, then `.bridle/config.json`.
 */
export function findProjectConfigFile(directory: string): string | undefined {
  let current = path.resolve(directory);
  for (;;) {
    for (const name of PROJECT_CONFIG_NAMES) {
      const candidate = path.join(current, name);
      if (existsSync(candidate)) return candidate;
    }
    const parent = path.dirname(current);
    if (parent === current) return undefined;
    current = parent;
  }
}
