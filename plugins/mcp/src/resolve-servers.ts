import type { ConfigLayer } from "@bridle/core";
import type { McpServerConfig } from "./mcp-config-schema.js";

/** A server as the config layers leave it, with whether it may start. */
export interface ResolvedServer {
  name: string;
  config: McpServerConfig;
  enabled: boolean;
  /**
   * Set when a layer the user has not trusted defined or changed this server (anything but
   * turning it off): the file that did, so the report can name it. Such a server never starts.
   */
  untrustedSource?: string;
  /** Set when the layers only turn the name on or off and never define it. */
  undefinedServer?: boolean;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * Merges the `mcp` key of every layer entry by entry, as the loader merges `gateways`: an object
 * merges over what earlier layers set, `false`/`true` turn the server off or on. A layer that is
 * not trusted may turn a server off; anything else it sets (a command, arguments, a URL, turning
 * a server on) marks the server so it does not start. Sorted by name.
 */
export function resolveServers(layers: readonly ConfigLayer[], isTrusted: (layer: ConfigLayer) => boolean): ResolvedServer[] {
  const servers = new Map<string, { config: Record<string, unknown>; enabled: boolean; defined: boolean; untrustedSource?: string }>();
  for (const layer of layers) {
    const section = layer.value["mcp"];
    if (!isRecord(section)) continue;
    const trusted = isTrusted(layer);
    for (const [name, setting] of Object.entries(section)) {
      const server = servers.get(name) ?? { config: {}, enabled: true, defined: false };
      servers.set(name, server);
      const disablesOnly = setting === false || (isRecord(setting) && Object.keys(setting).length === 1 && setting["enabled"] === false);
      if (!trusted && !disablesOnly && server.untrustedSource === undefined) server.untrustedSource = layer.source;
      if (typeof setting === "boolean") {
        server.enabled = setting;
        continue;
      }
      if (!isRecord(setting)) continue;
      const { enabled, ...rest } = setting;
      if (typeof enabled === "boolean") server.enabled = enabled;
      if (Object.keys(rest).length > 0) server.defined = true;
      server.config = { ...server.config, ...rest };
    }
  }
  return [...servers.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, server]) => ({
      name,
      config: server.config as McpServerConfig,
      enabled: server.enabled,
      ...(server.untrustedSource !== undefined ? { untrustedSource: server.untrustedSource } : {}),
      ...(server.defined ? {} : { undefinedServer: true }),
    }));
}
