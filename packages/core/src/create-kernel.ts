import type { ChatRequest } from "./chat.js";
import type { BridlePlugin, PluginGateways, PluginKernel } from "./define-plugin.js";
import { ConfigError, type ConfigIssue } from "./errors/config-error.js";
import type { FeedEvent } from "./feed-event.js";
import { GatewayRegistry, type GatewaySettings, type UserGateways } from "./gateways/gateway-registry.js";
import { HookMap } from "tapable";
import { createHooks, type HookName, type KernelHooks, type PluginHooks } from "./hooks.js";
import type { ResolvedModel } from "./model-ref.js";
import { type CanonicalModelId, ModelRegistry } from "./model-registry.js";
import { createTapInterceptor } from "./tap-interceptor.js";
import { ToolSourceRegistry } from "./tool-source-registry.js";
import { TraceRecorder } from "./trace.js";
import { parsePluginOptions } from "./config/parse-plugin-options.js";
import { toConfigIssues } from "./config/zod-issues.js";

/** A plugin to load, with its raw options (`false` disables it) and where they came from. */
export interface PluginEntry {
  plugin: BridlePlugin;
  options?: boolean | Record<string, unknown>;
  /** The config file (or preset) that set the options, for error messages. */
  source?: string;
}

export interface KernelOptions {
  plugins: PluginEntry[];
  /** Record each tap's time (`--trace`). */
  trace?: boolean;
  /** Share a registry between kernels (tests, benchmarks); a new one by default. */
  models?: ModelRegistry;
  /** Config's `gateways` sections, applied after every plugin defined its gateways. */
  gateways?: ReadonlyArray<{ file: string; settings: Record<string, GatewaySettings> }>;
  /** The user's own `gateways` settings: the only config that binds a key variable to a host. */
  userGateways?: UserGateways;
}

/** A plugin as loaded into a kernel. */
export interface LoadedPlugin {
  name: string;
  description: string;
  enabled: boolean;
  options: Record<string, unknown>;
  source: string;
}

export interface Kernel {
  /** The hooks; only the kernel's owner (the agent loop) calls them. */
  readonly hooks: KernelHooks;
  readonly models: ModelRegistry;
  /** The gateways plugins and config defined. */
  readonly gateways: GatewayRegistry;
  /** Sources of tools known only at run time, started by the kernel's owner per session. */
  readonly toolSources: ToolSourceRegistry;
  readonly plugins: readonly LoadedPlugin[];
  /** Tap timings, when tracing is on. */
  readonly trace: TraceRecorder | undefined;
  /** Sends any model string through the `resolveModel` funnel. */
  resolveModel(input: string, gateway?: string): ResolvedModel;
  /** Posts a feed event. */
  emit(event: FeedEvent): void;
}

/**
 * Builds one kernel for one run: hooks with error attribution (and optional timing), then every
 * enabled plugin applied with its validated options. A disabled plugin is never applied, so it
 * has no taps. Invalid options throw a {@link ConfigError} that names `plugins.<name>.<key>`.
 */
export function createKernel(options: KernelOptions): Kernel {
  const trace = options.trace ? new TraceRecorder() : undefined;
  const hooks = createHooks();
  for (const [name, hook] of Object.entries(hooks)) {
    if (hook instanceof HookMap) {
      // Each gateway's hook is made on first use; guard its taps the same way.
      hook.intercept({
        factory: (key: string, made: { intercept(interceptor: unknown): void }) => {
          made.intercept(createTapInterceptor(`${name}.for(${JSON.stringify(key)})`, trace));
          return made;
        },
      } as never);
    } else {
      hook.intercept(createTapInterceptor(name, trace, name === "beforeRequest" ? keepsTarget : undefined) as never);
    }
  }
  const models = options.models ?? new ModelRegistry();
  const toolSources = new ToolSourceRegistry();

  const issues: ConfigIssue[] = [];
  const loaded: LoadedPlugin[] = [];
  const seen = new Set<string>();
  const toApply: Array<{ plugin: BridlePlugin; options: Record<string, unknown> & { enabled: boolean } }> = [];
  for (const entry of options.plugins) {
    const { plugin } = entry;
    const source = entry.source ?? "options";
    if (seen.has(plugin.name)) {
      issues.push({ file: source, keyPath: `plugins.${plugin.name}`, message: `plugin "${plugin.name}" is loaded twice` });
      continue;
    }
    seen.add(plugin.name);
    const parsed = parsePluginOptions(plugin, entry.options);
    if (!parsed.success) {
      issues.push(...toConfigIssues(parsed.error.issues, ["plugins", plugin.name], () => source));
      continue;
    }
    const pluginOptions = parsed.data;
    loaded.push({ name: plugin.name, description: plugin.description, enabled: pluginOptions.enabled, options: pluginOptions, source });
    if (pluginOptions.enabled) toApply.push({ plugin, options: pluginOptions });
  }
  if (issues.length > 0) throw new ConfigError(issues);

  const gateways = new GatewayRegistry();
  if (options.userGateways) gateways.trustUserGateways(options.userGateways);
  for (const { plugin, options: pluginOptions } of toApply) {
    const view: PluginKernel = {
      hooks: createPluginHooks(hooks, plugin.name),
      models,
      gateways: createPluginGateways(gateways, models, plugin.name),
      toolSources: { register: (source) => toolSources.register(source) },
      emit: (event) => hooks.onEvent.call({ source: plugin.name, ...event }),
    };
    plugin.apply(view, pluginOptions);
  }
  for (const { file, settings } of options.gateways ?? []) {
    try {
      gateways.configure(settings, file, { asUser: false });
    } catch (error) {
      const id = /^gateways\.([^:]+):/.exec((error as Error).message)?.[1];
      throw new ConfigError([{ file, keyPath: id ? `gateways.${id}` : "gateways", message: (error as Error).message }]);
    }
  }

  return Object.freeze({
    hooks,
    models,
    gateways,
    toolSources,
    plugins: Object.freeze(loaded),
    trace,
    resolveModel(input: string, gateway?: string): ResolvedModel {
      const ref = hooks.resolveModel.call({ input, gateway, id: input.trim(), known: false });
      return { ...ref, id: ref.id as CanonicalModelId };
    },
    emit(event: FeedEvent): void {
      hooks.onEvent.call(event);
    },
  });
}

/** `model` and `gateway` are read-only in `beforeRequest`: they change only by a switch or a fallback. */
function keepsTarget(input: unknown, result: unknown): void {
  const before = input as ChatRequest;
  const after = result as ChatRequest | undefined;
  if (after && (after.model !== before.model || after.gateway !== before.gateway)) {
    throw new TypeError(
      `a beforeRequest tap may not change the model or gateway (${before.model} on ${before.gateway} became ${after.model} on ${after.gateway}); switch models instead`,
    );
  }
}

/** The registry as one plugin sees it: what it defines is attributed to it. */
function createPluginGateways(gateways: GatewayRegistry, models: ModelRegistry, plugin: string): PluginGateways {
  return Object.freeze({
    define(definition) {
      gateways.define(definition, { kind: "plugin", plugin });
      const slug = definition.slug;
      if (slug) models.addSlugRule((id) => slug(id, models.get(id)), { owner: `plugin "${plugin}"`, gateway: definition.id });
    },
    defineDefaults: (defaults) => gateways.defineDefaults(defaults),
    get: (id) => gateways.get(id),
    list: () => gateways.list(),
  } satisfies PluginGateways);
}

type TapOptionsInput = string | { name: string; stage?: number; before?: string };

/** A per-plugin, tap-only view of the hooks that stamps every tap with the plugin's name. */
function createPluginHooks(hooks: KernelHooks, plugin: string): PluginHooks {
  const attribute = (options: TapOptionsInput) =>
    typeof options === "string" ? { name: options, plugin } : { ...options, plugin };
  const tapOnly = (hook: TappableHook) =>
    Object.freeze({
      name: hook.name,
      isUsed: () => hook.isUsed(),
      tap: (options: TapOptionsInput, fn: unknown) => hook.tap(attribute(options), fn),
      tapAsync: (options: TapOptionsInput, fn: unknown) => hook.tapAsync(attribute(options), fn),
      tapPromise: (options: TapOptionsInput, fn: unknown) => hook.tapPromise(attribute(options), fn),
    });
  const view: Partial<Record<HookName, unknown>> = {};
  for (const name of Object.keys(hooks) as HookName[]) {
    const hook = hooks[name];
    view[name] =
      hook instanceof HookMap
        ? Object.freeze({ name: hook.name, for: (key: string) => tapOnly(hook.for(key) as unknown as TappableHook) })
        : tapOnly(hook as unknown as TappableHook);
  }
  return Object.freeze(view) as PluginHooks;
}

interface TappableHook {
  name?: string;
  isUsed(): boolean;
  tap(options: unknown, fn: unknown): void;
  tapAsync(options: unknown, fn: unknown): void;
  tapPromise(options: unknown, fn: unknown): void;
}
