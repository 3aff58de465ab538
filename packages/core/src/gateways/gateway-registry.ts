import type { GatewayDefinition } from "./gateway-definition.js";
import { KNOWN_GATEWAYS } from "./known-gateways.js";
import { collectKeyBindings, decideKey, type KeyBindings, type KeyDecision } from "../trust/key-binding.js";

/** Settings a config file may give for a gateway (`gateways.<id>`). */
export interface GatewaySettings {
  baseURL?: string;
  apiKeyEnv?: string;
  enabled?: boolean;
}

/** Whose `gateways` settings these are; only the user's own bind a key to a host. */
export interface ConfigureOptions {
  /** The `gateways` settings of the user's own config files. Default: all of `settings`. */
  user?: Record<string, GatewaySettings>;
  /** The user's config file, named in refusals. */
  userConfigFile?: string;
}

/** The gateways of a run: the known ones, with config overrides and config-only additions. */
export class GatewayRegistry {
  readonly #gateways = new Map<string, GatewayDefinition>();
  /** As built in or defined by plugins, before any config: each binds its own key to its own host. */
  readonly #defined = new Map<string, GatewayDefinition>();
  readonly #disabled = new Set<string>();
  #user: { settings?: Record<string, GatewaySettings>; file?: string } = {};
  #bindings: KeyBindings | undefined;

  constructor(definitions: readonly GatewayDefinition[] = KNOWN_GATEWAYS) {
    for (const definition of definitions) this.define(definition);
  }

  /** Applies `gateways` from config. A new id needs a `baseURL`. */
  configure(settings: Record<string, GatewaySettings>, options: ConfigureOptions = {}): void {
    this.#user = { settings: options.user ?? settings, ...(options.userConfigFile ? { file: options.userConfigFile } : {}) };
    this.#bindings = undefined;
    for (const [id, setting] of Object.entries(settings)) {
      const existing = this.#gateways.get(id);
      if (!existing && !setting.baseURL) {
        throw new TypeError(`gateways.${id}: unknown gateway; give it a baseURL (and apiKeyEnv if it needs a key)`);
      }
      // A known remote gateway pointed at a loopback proxy still needs its key; only a gateway
      // defined here, on a loopback URL and without a key variable, is a keyless local server.
      const local = existing ? existing.local : Boolean(setting.baseURL && isLoopback(setting.baseURL) && !setting.apiKeyEnv);
      this.#gateways.set(id, {
        id,
        name: existing?.name ?? id,
        maxTokensParameter: existing?.maxTokensParameter ?? "max_tokens",
        streamUsage: existing?.streamUsage ?? true,
        ...existing,
        ...(setting.baseURL ? { baseURL: setting.baseURL } : {}),
        ...(setting.apiKeyEnv ? { apiKeyEnv: setting.apiKeyEnv } : {}),
        local,
      } as GatewayDefinition);
      if (setting.enabled === false) this.#disabled.add(id);
      else this.#disabled.delete(id);
    }
  }

  define(definition: GatewayDefinition): void {
    this.#gateways.set(definition.id, definition);
    this.#defined.set(definition.id, definition);
    this.#bindings = undefined;
  }

  get(id: string): GatewayDefinition | undefined {
    return this.#gateways.get(id);
  }

  /** Enabled gateways, in definition order. */
  list(): GatewayDefinition[] {
    return [...this.#gateways.values()].filter((gateway) => !this.#disabled.has(gateway.id));
  }

  /**
   * Whether requests to a gateway carry a key: its own variable, and only when that variable is
   * bound to the gateway's host (see `decideKey`); never another gateway's key.
   */
  keyDecision(id: string, environment: NodeJS.ProcessEnv = process.env): KeyDecision {
    const gateway = this.#gateways.get(id);
    if (!gateway) return { kind: "none" };
    this.#bindings ??= collectKeyBindings({
      definitions: [...this.#defined.values()],
      ...(this.#user.settings ? { user: this.#user.settings } : {}),
      ...(this.#user.file ? { userConfigFile: this.#user.file } : {}),
    });
    return decideKey(gateway, this.#bindings, environment);
  }

  /** The key for a gateway when it may be sent there (see `keyDecision`). */
  apiKey(id: string, environment: NodeJS.ProcessEnv = process.env): string | undefined {
    const decision = this.keyDecision(id, environment);
    return decision.kind === "granted" ? decision.key : undefined;
  }

  /** Gateways that can be used now: a key is present, or none is needed. */
  usable(environment: NodeJS.ProcessEnv = process.env): GatewayDefinition[] {
    return this.list().filter((gateway) => gateway.local || this.apiKey(gateway.id, environment) !== undefined);
  }
}

function isLoopback(url: string): boolean {
  try {
    const host = new URL(url).hostname;
    return host === "localhost" || host === "::1" || host === "[::1]" || host.startsWith("127.");
  } catch {
    return false;
  }
}
