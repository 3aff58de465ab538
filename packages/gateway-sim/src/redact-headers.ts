/** Header names whose values are credentials and never stored. */
const SECRET_HEADERS = new Set(["authorization", "x-api-key", "api-key", "proxy-authorization"]);
const HIDDEN_HEADERS = new Set(["cookie", "set-cookie"]);

/**
 * A stand-in for an API key that tells whose key it was without keeping it:
 * `[redacted:<profile>]` for a key the simulator issued to a profile, `[redacted:unknown …abcd]`
 * (its last four characters) for any other key.
 */
export function fingerprintKey(key: string, owners: ReadonlyMap<string, string>): string {
  const owner = owners.get(key);
  if (owner !== undefined) return `[redacted:${owner}]`;
  return `[redacted:unknown …${key.slice(-4)}]`;
}

/** The key of an `Authorization: Bearer …` header (or `x-api-key`), if any. */
export function presentedKey(headers: Readonly<Record<string, string | string[] | undefined>>): string | undefined {
  const authorization = headers.authorization;
  if (typeof authorization === "string") {
    const match = /^Bearer\s+(.+)$/i.exec(authorization.trim());
    return match === null ? authorization.trim() : (match[1] as string).trim();
  }
  const apiKey = headers["x-api-key"];
  return typeof apiKey === "string" ? apiKey.trim() : undefined;
}

/**
 * Request headers with every credential replaced by its fingerprint (keeping the `Bearer `
 * prefix) and cookies hidden. Names are lowercase.
 */
export function redactHeaders(headers: Readonly<Record<string, string | string[] | undefined>>, owners: ReadonlyMap<string, string>): Record<string, string> {
  const redacted: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers)) {
    if (raw === undefined) continue;
    const value = Array.isArray(raw) ? raw.join(", ") : raw;
    const lower = name.toLowerCase();
    if (HIDDEN_HEADERS.has(lower)) redacted[lower] = "[redacted]";
    else if (SECRET_HEADERS.has(lower)) {
      const bearer = /^(Bearer\s+)(.*)$/i.exec(value);
      redacted[lower] = bearer === null ? fingerprintKey(value.trim(), owners) : `${bearer[1] as string}${fingerprintKey((bearer[2] as string).trim(), owners)}`;
    } else redacted[lower] = value;
  }
  return redacted;
}
