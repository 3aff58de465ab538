import type { GatewayDefinition } from "./gateway-definition.js";
import { KNOWN_GATEWAYS } from "./known-gateways.js";

/** Settings a config file may give for a gateway (`gateways.<id>`). */
export interface GatewaySettings {
  baseURL?: string;
  apiKeyEnv?: string;
  enabled?: boolean;
}

/** The gateways of a run: the known ones, with config overrides and config-only additions. */
export class GatewayRegistry {
  readonly #gateways = new Map<string, GatewayDefinition>();
  readonly #disabled = new Set<string>();

  constructor(definitions: readonly GatewayDefinition[] = KNOWN_GATEWAYS) {
    for (const definition of definitions) this.#gateways.set(definition.id, definition);
  }

  /** Applies `gateways` from config. A new id needs a `baseURL`. */
  configure(settings: Record<string, GatewaySettings>): void {
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
  }

  get(id: string): GatewayDefinition | undefined {
    return this.#gateways.get(id);
  }

  /** Enabled gateways, in definition order. */
  list(): GatewayDefinition[] {
    return [...this.#gateways.values()].filter((gateway) => !this.#disabled.has(gateway.id));
  }

  /** The key for a gateway, from its own variable only; never another gateway's. */
  apiKey(id: string, environment: NodeJS.ProcessEnv = process.env): string | undefined {
    const gateway = this.#gateways.get(id);
    if (!gateway) return undefined;
    if (gateway.apiKeyEnv) return environment[gateway.apiKeyEnv] || undefined;
    return undefined;
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
