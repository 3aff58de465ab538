import { MIN_SECRET_LENGTH } from "./create-redactor.js";
import { isSecretVariable } from "./is-secret-variable.js";

/** Names that point at a secret (a file, a URL) rather than hold one. */
const POINTER_NAME = /_(?:FILE|PATH|DIR|URL|ENDPOINT|HEADER|NAME|ID)$/i;

/** Options of `collectSecrets`. */
export interface CollectSecretsOptions {
  /** Variables that hold keys whatever they are called: the configured gateways' `apiKeyEnv`. */
  keyVariables?: ReadonlyArray<string | undefined>;
}

/**
 * The values to blank out of everything Bridle writes, for `createRedactor`: those of the
 * configured key variables, and of every variable whose name or value looks like a secret
 * (`isSecretVariable`). Values shorter than 8 characters, plain numbers (`MAX_TOKENS=100000`) and file paths are left out, since
 * blanking them everywhere would damage ordinary text. Longest first, without duplicates.
 */
export function collectSecrets(env: Readonly<Record<string, string | undefined>>, options: CollectSecretsOptions = {}): string[] {
  const keyVariables = new Set(options.keyVariables?.filter((name): name is string => typeof name === "string"));
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const trimmed = value.trim();
    if (trimmed.length < MIN_SECRET_LENGTH) continue;
    if (!keyVariables.has(name)) {
      if (looksLikePath(trimmed) || /^\d+$/.test(trimmed) || !isSecretVariable(name, value)) continue;
      // A name like API_KEY_FILE says where a key is; only a secret-shaped value counts then.
      if (POINTER_NAME.test(name) && !isSecretVariable("", value)) continue;
    }
    secrets.add(trimmed);
    if (trimmed !== value) secrets.add(value);
  }
  return [...secrets].sort((a, b) => b.length - a.length);
}

function looksLikePath(value: string): boolean {
  return /^(?:\/|~\/|\.\.?\/|[A-Za-z]:[\\/])/.test(value);
}
