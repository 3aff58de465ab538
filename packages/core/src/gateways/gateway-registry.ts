import type { EndpointHealth, EndpointHealthSource } from "./endpoint-health.js";
import { KernelError } from "../errors/kernel-error.js";
import { affinityFromSetting, endpointsFromSetting, type AffinityName } from "./affinity-setting.js";
import { defineGateway } from "./define-gateway.js";
import type {
  AffinityMechanism,
  GatewayDefaults,
  GatewayDefinition,
  GatewayEndpoint,
  GatewaySource,
  ResolvedGateway,
} from "./gateway-definition.js";
import { mergeGatewayDefaults } from "./merge-gateway-defaults.js";
import { collectKeyBindings, decideKey, type KeyDecision, type KeyedGateway } from "../trust/key-binding.js";

/** Settings a config file may give for a gateway (`gateways.<id>`). */
export interface GatewaySettings {
  baseURL?: string;
  apiKeyEnv?: string;
  enabled?: boolean;
  /** A mechanism, or the name of the one the gateway honours (`none`: no affinity key). */
  affinity?: AffinityMechanism | AffinityName;
  /** Further endpoints: `{ id, baseURL }`, or a bare URL (id `endpoint-<n>`). */
  endpoints?: ReadonlyArray<string | GatewayEndpoint>;
}

/** Whose `gateways` settings bind keys to hosts: only the user's own config's. */
export interface UserGateways {
  /** The `gateways` settings of the user's own config files. */
  settings: Record<string, GatewaySettings>;
  /** The user's config file, named in refusals. */
  file?: string;
}

interface Entry {
  definition: GatewayDefinition;
  /** As a plugin defined it, before any config: it binds its own key variables to its own hosts. */
  defined: GatewayDefinition | undefined;
  source: GatewaySource;
  configuredBy: string[];
}

/** Two sources defined the same gateway id. */
export class GatewayConflictError extends KernelError {
  constructor(id: string, first: GatewaySource, second: GatewaySource) {
    super("GATEWAY_CONFLICT", `gateway "${id}" is defined twice: by ${describeSource(first)} and by ${describeSource(second)}; give one of them another id`);
    this.name = "GatewayConflictError";
  }
}

/** `plugin "x"` or `config file.json`. */
export function describeSource(source: GatewaySource): string {
  return source.kind === "plugin" ? `plugin "${source.plugin}"` : `config ${source.file}`;
}

/**
 * The gateways of a run. Plugins define them while they are applied (`kernel.gateways.define`),
 * config adds or adjusts them (`gateways.<id>`), and everything else reads them. A key is read
 * only from the gateway's own variables and goes only to an origin a plugin's definition or the
 * user's own config binds it to.
 */
export class GatewayRegistry {
  readonly #entries = new Map<string, Entry>();
  readonly #disabled = new Set<string>();
  readonly #defaults: GatewayDefaults[] = [];
  readonly #resolved = new Map<string, ResolvedGateway>();
  readonly #health: Array<{ owner: string; read: EndpointHealthSource }> = [];
  #user: UserGateways | undefined;

  /**
   * Adds a gateway. The same id from a second source is a {@link GatewayConflictError}: one
   * plugin can never silently take over another's gateway (and its key).
   */
  define(definition: GatewayDefinition, source: GatewaySource): void {
    const checked = defineGateway(definition);
    const existing = this.#entries.get(checked.id);
    if (existing) throw new GatewayConflictError(checked.id, existing.source, source);
    this.#entries.set(checked.id, { definition: checked, defined: source.kind === "plugin" ? checked : undefined, source, configuredBy: [] });
    this.#resolved.clear();
  }

  /**
   * Names the user's own `gateways` settings: the only config that may bind a key variable to a
   * host (a repository's config can point a gateway elsewhere, but its key then stays home).
   */
  trustUserGateways(user: UserGateways): void {
    this.#user = user;
  }

  /** Adds facts every gateway may show (usage names, overflow texts); each definition's own come first. */
  defineDefaults(defaults: GatewayDefaults): void {
    this.#defaults.push(defaults);
    this.#resolved.clear();
  }

  /**
   * Applies `gateways` from one config file. A new id needs a `baseURL` and becomes a
   * config-defined gateway; a known id gets its URL, key variable, affinity or endpoints changed
   * (a `baseURL` without `endpoints` leaves the definition's other endpoints out).
   * Settings given `asUser` (the default, for a registry built by hand) also bind their key
   * variables to their hosts, as the user's own config does; the kernel applies every file's
   * section with `asUser: false` and names the user's own with {@link trustUserGateways}.
   * @throws TypeError naming `gateways.<id>` when a new id has no `baseURL`.
   */
  configure(settings: Record<string, GatewaySettings>, file = "config", { asUser = true }: { asUser?: boolean } = {}): void {
    if (asUser) this.#user = { settings: { ...this.#user?.settings, ...settings }, ...(this.#user?.file ? { file: this.#user.file } : { file }) };
    for (const [id, setting] of Object.entries(settings)) {
      const existing = this.#entries.get(id);
      const changes: Partial<GatewayDefinition> = {
        ...(setting.baseURL ? { baseURL: setting.baseURL } : {}),
        ...(setting.apiKeyEnv ? { apiKeyEnv: setting.apiKeyEnv } : {}),
        ...(setting.affinity ? { affinity: affinityFromSetting(setting.affinity) ?? undefined } : {}),
        // A base URL of the config's own moves the whole gateway there (a proxy, a test server):
        // the definition's other hosts are left out unless the config lists endpoints too.
        ...(setting.baseURL || setting.endpoints ? { endpoints: setting.endpoints ? endpointsFromSetting(setting.endpoints) : [] } : {}),
      };
      if (existing) {
        if (Object.keys(changes).length > 0) {
          existing.definition = defineGateway({ ...existing.definition, ...changes });
          existing.configuredBy.push(file);
        }
      } else {
        if (!setting.baseURL) {
          throw new TypeError(`gateways.${id}: unknown gateway; give it a baseURL (and apiKeyEnv if it needs a key)`);
        }
        // Only a gateway defined here, on a loopback URL and without a key variable, is a keyless
        // local server; a known remote gateway pointed at a loopback proxy still needs its key.
        const local = isLoopback(setting.baseURL) && !setting.apiKeyEnv;
        const definition = defineGateway({ id, name: id, ...changes, baseURL: setting.baseURL, local });
        this.#entries.set(id, { definition, defined: undefined, source: { kind: "config", file }, configuredBy: [] });
      }
      if (setting.enabled === false) this.#disabled.add(id);
      else this.#disabled.delete(id);
    }
    this.#resolved.clear();
  }

  /** The gateway with defaults applied, or `undefined` for an id nobody defined. */
  get(id: string): ResolvedGateway | undefined {
    const cached = this.#resolved.get(id);
    if (cached) return cached;
    const entry = this.#entries.get(id);
    if (!entry) return undefined;
    const resolved: ResolvedGateway = Object.freeze({
      ...mergeGatewayDefaults(entry.definition, this.#defaults),
      local: entry.definition.local === true,
      source: entry.source,
      configuredBy: Object.freeze([...entry.configuredBy]),
    });
    this.#resolved.set(id, resolved);
    return resolved;
  }

  /** Enabled gateways, in definition order. */
  list(): ResolvedGateway[] {
    return [...this.#entries.keys()].filter((id) => !this.#disabled.has(id)).map((id) => this.get(id)!);
  }

  /**
   * Whether requests to one of a gateway's endpoints carry a key: its own variable, and only when
   * a plugin's definition or the user's own config binds that variable to the endpoint's origin
   * (see `decideKey`); never another gateway's key.
   */
  keyDecision(id: string, environment: NodeJS.ProcessEnv = process.env, endpointId?: string): KeyDecision {
    const entry = this.#entries.get(id);
    const endpoint = this.endpoint(id, endpointId, environment);
    const variable = this.apiKeyVariable(id, environment);
    if (!entry || !endpoint || !variable) return { kind: "none" };
    return decideKey({ id, baseURL: endpoint.baseURL, apiKeyEnv: variable }, this.#keyBindings(environment), environment);
  }

  /** The key for a gateway when it may be sent there (see `keyDecision`). */
  apiKey(id: string, environment: NodeJS.ProcessEnv = process.env, endpointId?: string): string | undefined {
    const decision = this.keyDecision(id, environment, endpointId);
    return decision.kind === "granted" ? decision.key : undefined;
  }

  /** Each plugin-defined gateway binds each of its variables to each of its endpoints; then the user's settings. */
  #keyBindings(environment: NodeJS.ProcessEnv) {
    const definitions: KeyedGateway[] = [];
    for (const entry of this.#entries.values()) {
      const defined = entry.defined;
      if (!defined) continue;
      const alternatives = defined.apiKeyEnvAlternatives ?? [];
      const endpoints = endpointsOf(defined, environment);
      // A user entry naming only a host binds every one of the gateway's variables to it.
      const userURL = this.#user?.settings[defined.id]?.apiKeyEnv ? undefined : this.#user?.settings[defined.id]?.baseURL;
      for (const variable of alternatives) {
        for (const endpoint of endpoints) definitions.push({ id: defined.id, baseURL: endpoint.baseURL, apiKeyEnv: variable });
        if (userURL) definitions.push({ id: defined.id, baseURL: userURL, apiKeyEnv: variable });
      }
      // The main variable at the gateway's own URL comes last: it is what the user's entries refer to.
      if (defined.apiKeyEnv) {
        for (const endpoint of [...endpoints].reverse()) definitions.push({ id: defined.id, baseURL: endpoint.baseURL, apiKeyEnv: defined.apiKeyEnv });
      }
    }
    return collectKeyBindings({
      definitions,
      ...(this.#user ? { user: this.#user.settings } : {}),
      ...(this.#user?.file ? { userConfigFile: this.#user.file } : {}),
    });
  }

  /** The variable the key is read from: the first of the gateway's own that is set, else its main one. */
  apiKeyVariable(id: string, environment: NodeJS.ProcessEnv = process.env): string | undefined {
    const gateway = this.#entries.get(id)?.definition;
    if (!gateway) return undefined;
    const names = [gateway.apiKeyEnv, ...(gateway.apiKeyEnvAlternatives ?? [])].filter((name): name is string => Boolean(name));
    return names.find((name) => environment[name]) ?? names[0];
  }

  /** The gateway's endpoints, its own base URL first, placeholders filled from the environment. */
  endpoints(id: string, environment: NodeJS.ProcessEnv = process.env): GatewayEndpoint[] {
    const gateway = this.#entries.get(id)?.definition;
    return gateway ? endpointsOf(gateway, environment) : [];
  }

  /**
   * The endpoint a request names, or the gateway's own when it names none. An endpoint the
   * gateway does not list is `undefined`: a request cannot send a key to a host of its choosing.
   */
  endpoint(id: string, endpointId: string | undefined, environment: NodeJS.ProcessEnv = process.env): GatewayEndpoint | undefined {
    const all = this.endpoints(id, environment);
    return endpointId === undefined ? all[0] : all.find((endpoint) => endpoint.id === endpointId);
  }

  /** Adds a reader of endpoint health (a plugin's circuit breakers), shown by `bridle gateways`. */
  addHealthSource(read: EndpointHealthSource, owner: string): void {
    this.#health.push({ owner, read });
  }

  /** What every health source says about a gateway's endpoints now, with who said it. */
  health(id: string): Array<EndpointHealth & { source: string }> {
    return this.#health.flatMap(({ owner, read }) => read(id).map((health) => ({ ...health, source: owner })));
  }

  /** Gateways that can be used now: a key is present, or none is needed. */
  usable(environment: NodeJS.ProcessEnv = process.env): ResolvedGateway[] {
    return this.list().filter((gateway) => gateway.local || this.apiKey(gateway.id, environment) !== undefined);
  }
}

/** A definition's endpoints, its own base URL first (or the one its URL variable names), placeholders filled. */
function endpointsOf(gateway: GatewayDefinition, environment: NodeJS.ProcessEnv): GatewayEndpoint[] {
  const fromEnvironment = gateway.baseURLEnv ? environment[gateway.baseURLEnv] : undefined;
  const own = fromEnvironment ? withPath(withScheme(fromEnvironment), gateway.baseURLEnvPath) : gateway.baseURL;
  return [{ id: gateway.id, baseURL: own }, ...(gateway.endpoints ?? [])].map((endpoint) => ({
    id: endpoint.id,
    baseURL: fillPlaceholders(withScheme(endpoint.baseURL), environment),
  }));
}

function fillPlaceholders(url: string, environment: NodeJS.ProcessEnv): string {
  return url.replace(/\{([A-Za-z_][A-Za-z0-9_]*)\}/g, (whole, name: string) => environment[name] ?? whole);
}

/** Adds `path` to a URL that has none of its own. */
function withPath(url: string, path: string | undefined): string {
  if (!path) return url;
  try {
    const parsed = new URL(url);
    if (parsed.pathname !== "/" && parsed.pathname !== "") return url;
    return `${parsed.origin}${path.startsWith("/") ? path : `/${path}`}`;
  } catch {
    return url;
  }
}

/** A host variable often holds `127.0.0.1:11434`; a URL needs a scheme. */
function withScheme(url: string): string {
  return /^[a-z]+:\/\//i.test(url) ? url : `http://${url}`;
}

/** True for localhost, ::1 and 127.x URLs. */
export function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
  } catch {
    return false;
  }
}
