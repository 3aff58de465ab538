/** What a redacted value is replaced with. */
export const REDACTED = "[redacted]";

/** A well-known secret shape and how to blank it out. */
export interface SecretPattern {
  name: string;
  regex: RegExp;
  /** Builds the replacement from the `String.replace` callback arguments. */
  replace: (match: string, ...groups: string[]) => string;
}

/**
 * What may come before a key: the start, a non-word character, or a JSON escape such as `\n`,
 * because the redactor also runs on serialized lines and on JSON text nested inside strings.
 * Patterns start with their literal prefix and check this boundary in a lookbehind after it:
 * a pattern that opens with a lookbehind is tried at every position, about 30 times slower.
 */
const BOUNDARY = String.raw`(?:^|[^A-Za-z0-9]|\\[nrt])`;
/** Secret characters never include `"` or `\`, so a match never crosses a JSON string's end. */
const END = String.raw`(?![A-Za-z0-9])`;

const whole = (): string => REDACTED;

/** Keeps a label (`Bearer `, `API_KEY=`) and blanks the value that ends the match, unless already blank. */
const keepLabel =
  (valueGroup: number) =>
  (match: string, ...groups: string[]): string => {
    const value = groups[valueGroup - 1] ?? "";
    if (value === "" || value === REDACTED) return match;
    return match.slice(0, match.length - value.length) + REDACTED;
  };

/** A key that starts with `prefix` (a regex source) and continues with `rest`. */
function shape(name: string, prefix: string, rest: string): SecretPattern {
  return { name, regex: new RegExp(`(?:${prefix})(?<=${BOUNDARY}(?:${prefix}))${rest}${END}`, "g"), replace: whole };
}

/**
 * Key shapes that are secret wherever they appear. Prefix-less keys (several gateways issue them) are
 * only caught as exact values, which is why callers pass the keys from the environment.
 */
export const SECRET_PATTERNS: SecretPattern[] = [
  {
    name: "pem-private-key",
    // The body may be cut off (a truncated tool output), so the end marker is optional.
    regex: /-----BEGIN[A-Z0-9 ]*PRIVATE KEY-----(?:[^"\\]|\\.)*?(?:-----END[A-Z0-9 ]*PRIVATE KEY-----|(?=")|$)/g,
    replace: whole,
  },
  // sk-…, sk-proj-…, sk-ant-…, sk-or-v1-…, and dotted sk-sp-….…; a sentence's final dot stays.
  shape("openai-anthropic-style", "sk-", "[A-Za-z0-9_-][A-Za-z0-9_.-]{14,}[A-Za-z0-9_-]"),
  shape("gsk-key", "gsk_", "[A-Za-z0-9]{20,}"),
  shape("aws-access-key-id", "AKIA|ASIA|AROA", "[A-Z0-9]{16}"),
  shape("github-token", "gh[pousr]_", "[A-Za-z0-9]{20,}"),
  shape("github-fine-grained-token", "github_pat_", "[A-Za-z0-9_]{20,}"),
  shape("slack-token", "xox[abeprs]-", "[A-Za-z0-9-]{10,}"),
  shape("google-api-key", "AIza", "[A-Za-z0-9_-]{30,}"),
  shape("hugging-face-token", "hf_", "[A-Za-z0-9]{30,}"),
  shape("llamacloud-key", "llx-", "[A-Za-z0-9]{20,}"),
  shape("fw-key", "fw_", "[A-Za-z0-9]{20,}"),
  {
    name: "authorization-header",
    // `Authorization: Basic …`, `authorization=…`, `"Authorization": "…"`, escaped or not, also
    // at the start of a line of serialized text (after `\n` or `\t`, as a numbered `read` line is).
    regex: /(?<=^|[^A-Za-z0-9]|\\[nrt])(authorization\\?["']?\s*[:=]\s*\\?["']?(?:(?:bearer|basic|token|digest)\s+)?)([^\s"'\\,;]{4,})/gi,
    replace: keepLabel(2),
  },
  {
    name: "bearer-token",
    // A token needs a digit or some length, so prose such as "bearer authentication" survives.
    regex: /(?<=^|[^A-Za-z0-9]|\\[nrt])(bearer\s+)((?=[A-Za-z0-9._~+/=-]*\d)[A-Za-z0-9._~+/=-]{8,}|[A-Za-z0-9._~+/=-]{24,})/gi,
    replace: keepLabel(2),
  },
  {
    name: "env-assignment",
    // OPENAI_API_KEY=…, export GITHUB_TOKEN="…", DB_PASSWORD: … (a `cat .env` in a tool result).
    // Anchored on the keyword; the lookbehind then checks the whole upper-case name before it.
    regex: new RegExp(
      String.raw`(?:API_?KEY|KEY|TOKEN|SECRET|PASSWORD|PASSWD)(?<=${BOUNDARY}[A-Z0-9_]*(?:API_?KEY|_KEY|TOKEN|SECRET|PASSWORD|PASSWD))(\\?["']?[ \t]*[:=][ \t]*\\?["']?)([^\s"'\\]{8,})`,
      "g",
    ),
    replace: keepLabel(2),
  },
  {
    name: "json-secret-field",
    // "apiKey": "…", "client_secret": "…", "access_token": "…", also inside JSON-in-JSON.
    regex: /(\\?"[A-Za-z0-9_-]*(?:api[_-]?key|secret|token|password|passwd)\\?"\s*:\s*\\?")([^"\\\s]{8,})(?=\\?")/gi,
    replace: keepLabel(2),
  },
];
