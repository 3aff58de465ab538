import { ConfigError, createKernel, type FeedEvent, GatewayRegistry, type GatewaySettings, type Kernel, type ResolvedConfig } from "@bridle/core";
import { applyCatalog } from "../catalog/apply-catalog.js";
import { catalogPath, readCatalog } from "../catalog/catalog-file.js";
import { type GlobalOptions, loadCliConfig } from "../cli-config.js";

/** Config, kernel and gateways: what every command that talks about models or gateways needs. */
export interface LoadedKernel {
  config: ResolvedConfig;
  settings: { model?: string; gateway?: string; trace?: boolean; gateways?: Record<string, GatewaySettings>; permissions?: unknown };
  kernel: Kernel;
  gateways: GatewayRegistry;
  /** Feed events posted while plugins were applied (before anyone listened). */
  startupFeed: FeedEvent[];
  /** Stops collecting startup feed events. */
  stopCollecting(): void;
}

/** Loads the config and builds the kernel and the gateway registry; throws ConfigError when invalid. */
export async function loadKernel(global: GlobalOptions, cwd: string, environment: NodeJS.ProcessEnv): Promise<LoadedKernel> {
  const config = await loadCliConfig(global, cwd, environment);
  if (config.issues.length > 0) throw new ConfigError(config.issues);
  const settings = config.settings as LoadedKernel["settings"];
  const kernel = createKernel({ plugins: config.plugins, trace: settings.trace === true });
  const startupFeed: FeedEvent[] = [];
  let collecting = true;
  kernel.hooks.onEvent.tap("startup-feed", (event) => {
    if (collecting) startupFeed.push(event);
  });
  const gateways = new GatewayRegistry();
  try {
    // Only the user's own config binds a key to a host; the project's settings still apply.
    gateways.configure(settings.gateways ?? {}, { user: config.userGateways as Record<string, GatewaySettings>, ...(config.userConfigFile ? { userConfigFile: config.userConfigFile } : {}) });
  } catch (error) {
    throw new ConfigError([{ file: "config", keyPath: "gateways", message: (error as Error).message }]);
  }
  const catalog = readCatalog(catalogPath(environment));
  if (catalog) applyCatalog(kernel, catalog);
  return { config, settings, kernel, gateways, startupFeed, stopCollecting: () => (collecting = false) };
}
