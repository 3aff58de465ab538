/** A gateway as far as its key goes: where requests go and which variable holds the key. */
export interface KeyedGateway {
  id: string;
  baseURL: string;
  apiKeyEnv?: string;
}

/** What the user's own config says about one gateway (`gateways.<id>` in their config file). */
export interface UserGatewayEntry {
  baseURL?: string;
  apiKeyEnv?: string;
}

/**
 * Which key variable may go to which origin: each built-in or plugin-defined gateway binds its
 * variable to its own origin, and the user's own config binds the variable and origin it names
 * for a gateway. Nothing a repository's config says adds a binding.
 */
export interface KeyBindings {
  /** Variable → origins it may be sent to. */
  readonly origins: ReadonlyMap<string, ReadonlySet<string>>;
  /** Variable → the defined gateways that own it, for messages. */
  readonly owners: ReadonlyMap<string, readonly KeyedGateway[]>;
  /** Where the user's config lives, for messages. */
  readonly userConfigFile?: string;
}

/** Whether a request to a gateway carries a key, and if not, why. */
export type KeyDecision =
  | { kind: "none" }
  | { kind: "missing"; variable: string }
  | { kind: "refused"; variable: string; origin: string; reason: string }
  | { kind: "granted"; variable: string; key: string };

/**
 * Builds the bindings from the gateway definitions (built-in and plugin-defined, as defined,
 * before any config) and the user's own `gateways` settings.
 */
export function collectKeyBindings(input: {
  definitions: readonly KeyedGateway[];
  user?: Readonly<Record<string, UserGatewayEntry>>;
  userConfigFile?: string;
}): KeyBindings {
  const origins = new Map<string, Set<string>>();
  const owners = new Map<string, KeyedGateway[]>();
  const bind = (variable: string, url: string) => {
    const origin = originOf(url);
    if (origin === undefined) return;
    const set = origins.get(variable) ?? new Set<string>();
    set.add(origin);
    origins.set(variable, set);
  };
  const defined = new Map(input.definitions.map((definition) => [definition.id, definition]));
  for (const definition of input.definitions) {
    if (!definition.apiKeyEnv) continue;
    bind(definition.apiKeyEnv, definition.baseURL);
    owners.set(definition.apiKeyEnv, [...(owners.get(definition.apiKeyEnv) ?? []), definition]);
  }
  for (const [id, entry] of Object.entries(input.user ?? {})) {
    // An entry binds only when it names the host or the variable itself; `enabled` alone says nothing.
    if (!entry.baseURL && !entry.apiKeyEnv) continue;
    const variable = entry.apiKeyEnv ?? defined.get(id)?.apiKeyEnv;
    const url = entry.baseURL ?? defined.get(id)?.baseURL;
    if (variable && url) bind(variable, url);
  }
  return { origins, owners, ...(input.userConfigFile ? { userConfigFile: input.userConfigFile } : {}) };
}

/**
 * Decides whether the key a gateway names may be sent to the gateway's base URL: only when a
 * binding pairs that variable with that origin. A known gateway's variable pointed elsewhere, or
 * a variable no definition and no user setting binds, is refused with what to change.
 */
export function decideKey(gateway: KeyedGateway, bindings: KeyBindings, environment: Readonly<Record<string, string | undefined>>): KeyDecision {
  const variable = gateway.apiKeyEnv;
  if (!variable) return { kind: "none" };
  const origin = originOf(gateway.baseURL) ?? gateway.baseURL;
  const allowed = bindings.origins.get(variable);
  if (!allowed?.has(origin)) {
    return { kind: "refused", variable, origin, reason: refusal(gateway, variable, origin, bindings) };
  }
  const key = environment[variable];
  if (!key) return { kind: "missing", variable };
  return { kind: "granted", variable, key };
}

/** `scheme://host[:port]` of a URL, or `undefined` when it is not one. */
export function originOf(url: string): string | undefined {
  try {
    const parsed = new URL(url);
    return parsed.origin === "null" ? undefined : parsed.origin;
  } catch {
    return undefined;
  }
}

function refusal(gateway: KeyedGateway, variable: string, origin: string, bindings: KeyBindings): string {
  const where = bindings.userConfigFile ?? "your user config file";
  const owners = bindings.owners.get(variable) ?? [];
  if (owners.length > 0) {
    const owner = owners.find((entry) => entry.id === gateway.id) ?? owners[0]!;
    return (
      `${variable} belongs to ${owner.id} (${originOf(owner.baseURL) ?? owner.baseURL}); gateway "${gateway.id}" points at ${origin}, ` +
      `which your own config does not name for it, so the key is not sent. To send it there, set gateways.${gateway.id}.baseURL in ${where}`
    );
  }
  return (
    `gateway "${gateway.id}" reads its key from ${variable}, which your own config does not declare for ${origin}, so the key is not sent. ` +
    `Declare it in ${where}: "gateways": { "${gateway.id}": { "baseURL": "…", "apiKeyEnv": "${variable}" } }`
  );
}
