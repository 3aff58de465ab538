import { isSecretVariable } from "@bridle/core";

/** Options of `scrubEnvironment`. */
export interface ScrubEnvironmentOptions {
  /** Variable names to pass through even though they look secret (an explicit user choice). */
  keep?: readonly string[];
}

/**
 * The environment for a child process: a copy of `env` without API keys and secrets — every
 * variable `isSecretVariable` flags: names containing KEY, TOKEN, SECRET, PASSWORD, CRED, …, and
 * values shaped like a known key format, a private key, a URL with an inline password, or a
 * random token. A model can print its
 * environment with one command, so no key the harness holds may reach it.
 */
export function scrubEnvironment(
  env: Readonly<Record<string, string | undefined>>,
  options: ScrubEnvironmentOptions = {},
): Record<string, string> {
  const keep = new Set(options.keep ?? []);
  const result: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    if (!keep.has(name) && isSecretVariable(name, value)) continue;
    result[name] = value;
  }
  return result;
}
