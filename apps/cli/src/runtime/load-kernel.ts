import { ConfigError, createKernel, type FeedEvent, type GatewayRegistry, type GatewaySettings, type Kernel, type ResolvedConfig } from "@bridle/core";
import { applyCatalog } from "../catalog/apply-catalog.js";
import { catalogPath, readCatalog } from "../catalog/catalog-file.js";
import { type GlobalOptions, loadCliConfig } from "../cli-config.js";

/** Config, kernel and gateways: what every command that talks about models or gateways needs. */
export interface LoadedKernel {
  config: ResolvedConfig;
  settings: { model?: string; gateway?: string | string[]; fallbackModels?: string[]; trace?: boolean; gateways?: Record<string, GatewaySettings>; permissions?: unknown };
  kernel: Kernel;
  gateways: GatewayRegistry;
  /** Feed events posted while plugins were applied (before anyone listened). */
  startupFeed: FeedEvent[];
  /** Stops collecting startup feed events. */
  stopCollecting(): void;
}

/** Loads the config and builds the kernel, whose plugins and config define the gateways; throws ConfigError when invalid. */
export async function loadKernel(global: GlobalOptions, cwd: string, environment: NodeJS.ProcessEnv): Promise<LoadedKernel> {
  const config = await loadCliConfig(global, cwd, environment);
  if (config.issues.length > 0) throw new ConfigError(config.issues);
  return buildKernel(config, environment);
}

/** Builds the kernel of a loaded config (valid against its schema): plugins applied, gateways defined and configured. */
export function buildKernel(config: ResolvedConfig, environment: NodeJS.ProcessEnv): LoadedKernel {
  const settings = config.settings as LoadedKernel["settings"];
  // Each file's `gateways` section, in layer order, so `bridle gateways` can say which file defined what.
  const gatewaySections = config.layers
    .filter((layer) => typeof layer.value.gateways === "object" && layer.value.gateways !== null)
    .map((layer) => ({ file: layer.source, settings: layer.value.gateways as Record<string, GatewaySettings> }));
  const kernel = createKernel({
    plugins: config.plugins,
    trace: settings.trace === true,
    gateways: gatewaySections,
    // Only the user's own config binds a key to a host; the project's settings still apply.
    userGateways: { settings: config.userGateways as Record<string, GatewaySettings>, ...(config.userConfigFile ? { file: config.userConfigFile } : {}) },
  });
  const gateways = kernel.gateways;
  const startupFeed: FeedEvent[] = [];
  let collecting = true;
  kernel.hooks.onEvent.tap("startup-feed", (event) => {
    if (collecting) startupFeed.push(event);
  });
  const catalog = readCatalog(catalogPath(environment));
  if (catalog) applyCatalog(kernel, catalog);
  return { config, settings, kernel, gateways, startupFeed, stopCollecting: () => (collecting = false) };
}
