/** What expanding `${NAME}` references found. */
export interface Expansion {
  /** References to variables that are unset and have no default, described for an error. */
  missing: string[];
  /** Values that came from the environment: they must never be shown or written. */
  secrets: string[];
}

const REFERENCE = /\$\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?\}/g;

/**
 * Replaces `${NAME}` with the variable's value and `${NAME:-default}` with the value or the
 * default. Nothing else is special, so a literal `$` stays as written.
 */
export function expandVariables(text: string, environment: NodeJS.ProcessEnv, label: string): Expansion & { value: string } {
  const missing: string[] = [];
  const secrets: string[] = [];
  const value = text.replace(REFERENCE, (_match, name: string, fallback: string | undefined) => {
    const found = environment[name];
    if (found !== undefined && found !== "") {
      secrets.push(found);
      return found;
    }
    if (fallback !== undefined) return fallback;
    missing.push(`${label} needs \${${name}}, which is not set`);
    return "";
  });
  return { value, missing, secrets };
}

/** Expands every value of a map; problems name the key as `<label>.<key>`. */
export function expandMap(map: Record<string, string>, environment: NodeJS.ProcessEnv, label: string): Expansion & { map: Record<string, string> } {
  const result: Record<string, string> = {};
  const missing: string[] = [];
  const secrets: string[] = [];
  for (const [key, text] of Object.entries(map)) {
    const expanded = expandVariables(text, environment, `${label}.${key}`);
    result[key] = expanded.value;
    missing.push(...expanded.missing);
    secrets.push(...expanded.secrets);
  }
  return { map: result, missing, secrets };
}
