import type { CapabilityStore, EndpointHealth, GatewayRegistry, NegotiatedCapabilities, PluginSummary } from "@bridle/core";

/** Where a gateway was defined, as `bridle gateways` says it. */
export interface GatewayOrigin {
  kind: "built-in" | "plugin" | "config";
  /** `built-in (plugin gateways)`, `plugin acme-gateway (./acme-gateway.mjs)`, `config /path/bridle.config.json`. */
  label: string;
}

/** One gateway as `bridle gateways` and `/gateways` show it. Never holds a key's value. */
export interface GatewayOverview {
  id: string;
  name: string;
  origin: GatewayOrigin;
  /** Config files that changed it. */
  configuredBy: readonly string[];
  /** `refused`: the variable is set, but not bound to this gateway's host, so it is not sent. */
  key: { variable: string | undefined; set: boolean; needed: boolean; refused: boolean };
  baseURL: string;
  /** Further endpoints, by id. */
  endpoints: string[];
  local: boolean;
  usable: boolean;
  /** What negotiation remembered, per canonical model. */
  negotiated: Array<{ model: string } & NegotiatedCapabilities>;
  /** Endpoints a plugin reports trouble with (circuit breakers), with the reporting plugin. */
  health: Array<EndpointHealth & { source: string }>;
  unverified: readonly string[];
}

export interface DescribeGatewaysInput {
  gateways: GatewayRegistry;
  environment: NodeJS.ProcessEnv;
  capabilities?: CapabilityStore;
  /** The config's plugin summaries: where each third-party plugin came from. */
  plugins: readonly Pick<PluginSummary, "name" | "origin">[];
  /** Names of the plugins the CLI ships (its own preset's). */
  builtinPlugins: ReadonlySet<string>;
}

/** Every enabled gateway with where it came from, its key variable's state, its URL and what negotiation learned. */
export function describeGateways(input: DescribeGatewaysInput): GatewayOverview[] {
  const origins = new Map(input.plugins.map((plugin) => [plugin.name, plugin.origin]));
  return input.gateways.list().map((gateway) => {
    const variable = input.gateways.apiKeyVariable(gateway.id, input.environment);
    const decision = input.gateways.keyDecision(gateway.id, input.environment);
    const set = decision.kind === "granted";
    const [own, ...others] = input.gateways.endpoints(gateway.id, input.environment);
    let origin: GatewayOrigin;
    if (gateway.source.kind === "config") origin = { kind: "config", label: `config ${gateway.source.file}` };
    else {
      const plugin = gateway.source.plugin;
      const from = origins.get(plugin);
      origin = input.builtinPlugins.has(plugin)
        ? { kind: "built-in", label: `built-in (plugin ${plugin})` }
        : { kind: "plugin", label: `plugin ${plugin}${from ? ` (${from})` : ""}` };
    }
    return {
      id: gateway.id,
      name: gateway.name,
      origin,
      configuredBy: gateway.configuredBy,
      key: { variable, set, needed: !gateway.local, refused: decision.kind === "refused" },
      baseURL: own?.baseURL ?? gateway.baseURL,
      endpoints: others.map((endpoint) => endpoint.id),
      local: gateway.local,
      usable: gateway.local || set,
      negotiated: (input.capabilities?.forGateway(gateway.id) ?? []).map((entry) => ({ model: entry.model, ...entry.capabilities })),
      health: input.gateways.health(gateway.id),
      unverified: gateway.unverified ?? [],
    };
  });
}

/** `stream_options dropped; max_tokens→max_completion_tokens; replay reasoning_content`, for one model. */
export function formatNegotiated(entry: NegotiatedCapabilities): string {
  return [
    ...entry.dropped.map((field) => `no ${field}`),
    ...Object.entries(entry.renamed).map(([from, to]) => `${from}→${to}`),
    ...(entry.replay ? [`replays ${entry.replay.field}`] : []),
  ].join(", ");
}

/** The key column: the variable and whether it is set, never the value. */
export function formatKey(key: GatewayOverview["key"]): string {
  if (!key.variable) return key.needed ? "no key variable" : "none needed (local)";
  if (key.set) return `${key.variable} set`;
  if (key.refused) return `${key.variable} not sent to this host`;
  return key.needed ? `${key.variable} missing` : `${key.variable} not set (optional, local)`;
}

/** The breaker column: `closed`, or each troubled endpoint's state, failures and when it is tried again. */
export function formatHealth(health: GatewayOverview["health"], now = Date.now()): string {
  if (health.length === 0) return "closed";
  return health
    .map((entry) => {
      const wait = entry.state === "open" && entry.retryAt !== undefined ? ` for ${Math.max(1, Math.ceil((entry.retryAt - now) / 1000))} s` : "";
      return `${entry.endpoint}: ${entry.state}${wait} (${entry.failures} failure${entry.failures === 1 ? "" : "s"})`;
    })
    .join("; ");
}

/** The columns every gateway table shows, in order: `bridle gateways` and `/gateways` alike. */
export const GATEWAY_COLUMNS = ["gateway", "defined by", "key", "base URL", "negotiated", "breaker"] as const;

/** One gateway's cells under {@link GATEWAY_COLUMNS}. */
export function gatewayCells(gateway: GatewayOverview): string[] {
  return [
    gateway.id,
    gateway.origin.label,
    formatKey(gateway.key),
    gateway.baseURL,
    gateway.negotiated.map((entry) => `${entry.model}: ${formatNegotiated(entry)}`).join("; ") || "-",
    formatHealth(gateway.health),
  ];
}
