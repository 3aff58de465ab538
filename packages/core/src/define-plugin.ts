import { z } from "zod";
import type { FeedEvent } from "./feed-event.js";
import type { GatewayDefaults, GatewayDefinition, ResolvedGateway } from "./gateways/gateway-definition.js";
import type { PluginHooks } from "./hooks.js";
import type { ModelRegistry } from "./model-registry.js";
import type { ToolSourceRegistry } from "./tool-source-registry.js";

const pluginMarker = Symbol.for("bridle.plugin");

/** What a plugin's `apply` receives: hooks it can tap, and the registries the kernel shares. */
export interface PluginKernel {
  /** Tap-only hooks; taps are attributed to this plugin. */
  readonly hooks: PluginHooks;
  /** The shared model registry, keyed by canonical id only. */
  readonly models: ModelRegistry;
  /** The run's gateways: define new ones, read all of them. */
  readonly gateways: PluginGateways;
  /** Where plugins register sources of tools known only at run time (MCP servers); the host starts them. */
  readonly toolSources: Pick<ToolSourceRegistry, "register">;
  /** Posts a feed event, attributed to this plugin. */
  emit(event: FeedEvent): void;
}

/** The gateway registry as a plugin sees it. */
export interface PluginGateways {
  /**
   * Defines a gateway, attributed to this plugin. Its slug code (if any) joins the model
   * registry's rules for that gateway only. Throws when another plugin or config already
   * defined the id.
   */
  define(definition: GatewayDefinition): void;
  /** Adds facts every gateway may show (extra usage names, overflow texts). */
  defineDefaults(defaults: GatewayDefaults): void;
  get(id: string): ResolvedGateway | undefined;
  /** Enabled gateways, in definition order. */
  list(): ResolvedGateway[];
}

const enabledOption = z.boolean().default(true).describe("Turn the plugin on (true) or off (false).");

/** The parsed options of a plugin: its own keys, plus `enabled`. */
export type PluginOptions<Shape extends z.ZodRawShape> = z.output<z.ZodObject<Shape>> & { enabled: boolean };

/** A plugin as the kernel sees it. */
export interface BridlePlugin<Options extends { enabled: boolean } = { enabled: boolean } & Record<string, unknown>> {
  readonly name: string;
  readonly description: string;
  /** Options schema; `enabled` is always present. Unknown keys are rejected. */
  readonly options: z.ZodType<Options>;
  /** Option keys a repository's config may set before its folder is trusted (`enabled` always). */
  readonly harmlessOptions?: readonly string[];
  apply(kernel: PluginKernel, options: Options): void;
}

export interface PluginDefinition<Shape extends z.ZodRawShape> {
  /** Unique, kebab-case; the key under `plugins` in config and the name in every error. */
  name: string;
  /** One line for `bridle plugins`. */
  description: string;
  /** Every key needs `.default()` and `.describe()`; `enabled` is added when missing. */
  options: z.ZodObject<Shape>;
  /**
   * Options a repository's config may set before the user trusts its folder: ones that only tune
   * behaviour (thresholds, switches), never ones naming hosts, files, commands or keys. Until the
   * folder is trusted, a repository may set only these and `enabled`. Default: none.
   */
  harmlessOptions?: ReadonlyArray<Extract<keyof Shape, string>>;
  /** Wiring only: tap hooks, fill registries. Logic lives in pure functions. */
  apply(kernel: PluginKernel, options: PluginOptions<Shape>): void;
}

/**
 * Declares a plugin. Checks at definition time that every option has a default and a
 * description, so config files can always be partial and the JSON Schema is self-documenting.
 */
export function definePlugin<Shape extends z.ZodRawShape>(
  definition: PluginDefinition<Shape>,
): BridlePlugin<PluginOptions<Shape>> {
  if (!/^[a-z][a-z0-9-]*$/.test(definition.name)) {
    throw new TypeError(`plugin name "${definition.name}" must be kebab-case (a-z, 0-9, -)`);
  }
  const shape = definition.options.shape as z.ZodRawShape;
  for (const key of definition.harmlessOptions ?? []) {
    if (!(key in shape)) throw new TypeError(`plugin "${definition.name}": harmless option "${key}" is not one of its options`);
  }
  for (const [key, field] of Object.entries(shape)) {
    const schema = field as z.ZodType;
    if (!schema.description) {
      throw new TypeError(`plugin "${definition.name}": option "${key}" needs .describe("…")`);
    }
    const parsed = schema.safeParse(undefined);
    if (!parsed.success || parsed.data === undefined) {
      throw new TypeError(`plugin "${definition.name}": option "${key}" needs .default(…)`);
    }
  }
  const options = ("enabled" in shape ? definition.options : definition.options.extend({ enabled: enabledOption })).strict();
  return Object.freeze({
    [pluginMarker]: true,
    name: definition.name,
    description: definition.description,
    options: options as unknown as z.ZodType<PluginOptions<Shape>>,
    harmlessOptions: Object.freeze([...(definition.harmlessOptions ?? [])]),
    apply: definition.apply,
  });
}

/** True for a value made by `definePlugin`, even by another copy of this package. */
export function isPlugin(value: unknown): value is BridlePlugin {
  return typeof value === "object" && value !== null && pluginMarker in value;
}
