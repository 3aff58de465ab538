import { REDACTED, SECRET_PATTERNS } from "./secret-patterns.js";

/** Turns text that may hold secrets into text that does not. */
export type Redactor = (text: string) => string;

/** Options of `createRedactor`. */
export interface RedactorOptions {
  /** Exact secret values to blank out wherever they appear (API keys from the environment). */
  secrets: readonly string[];
}

/** Shorter values would blank out ordinary words; `collectSecrets` drops them too. */
export const MIN_SECRET_LENGTH = 8;

/**
 * Builds the redactor applied to every session line before it is written. It replaces each given
 * secret value, and the well-known key shapes (`sk-…`, `sk-ant-…`, `gsk_…`, `AKIA…`, `ghp_…`,
 * `xoxb-…`, `AIza…`, `Bearer <token>`, `Authorization:` values, `NAME_API_KEY=…` assignments,
 * PEM private key blocks), with `[redacted]`. It works on raw text and on serialized JSON lines
 * alike: a replacement never crosses a JSON string boundary, and values are also matched in their
 * JSON-escaped form. Values shorter than 8 characters are ignored.
 */
export function createRedactor(options: RedactorOptions): Redactor {
  const exact = exactSecretsRegex(options.secrets);
  return (text) => {
    let result = exact ? text.replace(exact, REDACTED) : text;
    for (const pattern of SECRET_PATTERNS) {
      pattern.regex.lastIndex = 0;
      result = result.replace(pattern.regex, pattern.replace as (match: string, ...groups: unknown[]) => string);
    }
    return result;
  };
}

function exactSecretsRegex(secrets: readonly string[]): RegExp | undefined {
  const forms = new Set<string>();
  for (const secret of secrets) {
    if (typeof secret !== "string" || secret.length < MIN_SECRET_LENGTH) continue;
    forms.add(secret);
    // How the value reads inside a serialized line, and inside JSON nested in a JSON string.
    const escaped = JSON.stringify(secret).slice(1, -1);
    forms.add(escaped);
    forms.add(JSON.stringify(escaped).slice(1, -1));
  }
  if (forms.size === 0) return undefined;
  const alternatives = [...forms].sort((a, b) => b.length - a.length).map(escapeRegex);
  return new RegExp(alternatives.join("|"), "g");
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
