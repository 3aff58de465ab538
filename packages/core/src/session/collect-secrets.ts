import { MIN_SECRET_LENGTH } from "./create-redactor.js";

/** Names that hold keys without saying so in a suffix. */
const KNOWN_KEY_NAMES = new Set([
  "OPENAI_KEY",
  "ANTHROPIC_AUTH_TOKEN",
  "AWS_SECRET_ACCESS_KEY",
  "AWS_SESSION_TOKEN",
  "GITHUB_PAT",
  "GH_PAT",
  "AZURE_CLIENT_SECRET",
  "GOOGLE_API_KEY",
  "GEMINI_API_KEY",
  "ZHIPUAI_API_KEY",
  "AI_GATEWAY_API_KEY",
]);

/** `*_API_KEY`, `*_TOKEN`, `*_SECRET`, `*_KEY`, `*_PASSWORD` and friends, optionally numbered (`_2`). */
const KEY_NAME = /(?:^|_)(?:API_?KEY|KEY|TOKEN|SECRET|SECRET_KEY|ACCESS_KEY|PASSWORD|PASSWD|PAT|AUTH)(?:_\d+)?$/i;
/** Settings that point at a secret rather than hold one. */
const POINTER_NAME = /_(?:FILE|PATH|DIR|URL|ENDPOINT|HEADER|NAME|ID)$/i;

/**
 * The values of environment variables whose names look like keys, for `createRedactor`. Values
 * shorter than 8 characters and values that are file paths are left out, since blanking them
 * everywhere would damage ordinary text. Longest first, without duplicates.
 */
export function collectSecrets(env: Readonly<Record<string, string | undefined>>): string[] {
  const secrets = new Set<string>();
  for (const [name, value] of Object.entries(env)) {
    if (value === undefined) continue;
    const trimmed = value.trim();
    if (trimmed.length < MIN_SECRET_LENGTH || looksLikePath(trimmed)) continue;
    if (!KNOWN_KEY_NAMES.has(name.toUpperCase()) && (!KEY_NAME.test(name) || POINTER_NAME.test(name))) continue;
    secrets.add(trimmed);
    if (trimmed !== value) secrets.add(value);
  }
  return [...secrets].sort((a, b) => b.length - a.length);
}

function looksLikePath(value: string): boolean {
  return /^(?:\/|~\/|\.\.?\/|[A-Za-z]:[\\/])/.test(value);
}
