/**
 * The shared model registry the kernel exposes. Plugins fill it (model-id ships a snapshot,
 * config adds user entries, overflow errors teach it real limits) and read it (compaction asks
 * for the window of the current model on the current gateway).
 *
 * Every method takes a {@link CanonicalModelId}: a raw gateway slug does not type-check, so the
 * seed failure (a slug that misses the registry and silently gets a 200k default) cannot be written.
 */

/** A model id that went through the `resolveModel` funnel. Only the kernel mints these. */
export type CanonicalModelId = string & { readonly __canonicalModelId: unique symbol };

/** Whether and how a model thinks before answering. */
export type ReasoningMode = "none" | "optional" | "always";

/**
 * How earlier reasoning must be sent back in later requests.
 * - `drop`: never sent back.
 * - `tool-turns`: assistant turns that called tools must carry it (some thinking modes).
 * - `all-turns`: every assistant turn carries it, `""` when there was none.
 */
export type ReasoningReplay = "drop" | "tool-turns" | "all-turns";

/** What a gateway changes about a model it serves. */
export interface GatewayModelOverride {
  /** The slug this gateway knows the model by. */
  slug?: string;
  /** A smaller window than the model's own wins for this gateway. */
  contextWindow?: number;
  maxOutputTokens?: number;
}

export interface ModelPricing {
  /** US dollars per million input tokens. */
  input: number;
  output: number;
  cachedInput?: number;
}

/** Registry facts about one canonical model. */
export interface ModelInfo {
  id: string;
  family: string;
  contextWindow: number;
  maxOutputTokens: number;
  toolCalls: boolean;
  reasoning: ReasoningMode;
  reasoningReplay: ReasoningReplay;
  /** The model's API rejects an empty replayed reasoning field (Kimi), so omit it instead. */
  replayRejectsEmpty?: boolean;
  pricing?: ModelPricing;
  gateways?: Record<string, GatewayModelOverride>;
  /** For a dated snapshot the catalog does not list: the known model whose facts it inherited. */
  snapshotOf?: string;
}

/** Where a limit came from, shown by `/context` and `bridle models`. */
export type LimitSource = "learned" | "gateway" | "registry" | "default";

export interface ModelLimits {
  contextWindow: number;
  maxOutputTokens: number;
  source: LimitSource;
}

/** Limits for a model nobody described: conservative, and always reported with a warning. */
export const DEFAULT_LIMITS = { contextWindow: 128_000, maxOutputTokens: 8_192 } as const;

/**
 * Turns a canonical id into a gateway's slug when the registry has no explicit one; `undefined`
 * passes to the next rule.
 */
export type SlugRule = (id: CanonicalModelId, gateway: string) => string | undefined;

/** Who installed a slug rule, and for which gateway (none: every gateway without its own rule). */
export interface SlugRuleOwner {
  owner: string;
  gateway?: string;
}

export class ModelRegistry {
  readonly #models = new Map<string, ModelInfo>();
  readonly #learned = new Map<string, number>();
  readonly #gatewaySlugRules = new Map<string, { owner: string; rule: SlugRule }>();
  #genericSlugRule: { owner: string; rule: SlugRule } | undefined;

  /** Adds or replaces a model; later definitions (user config) win over earlier ones (snapshot). */
  define(info: ModelInfo): void {
    const previous = this.#models.get(info.id);
    this.#models.set(
      info.id,
      previous ? { ...previous, ...info, gateways: { ...previous.gateways, ...info.gateways } } : info,
    );
  }

  get(id: CanonicalModelId): ModelInfo | undefined {
    return this.#models.get(id);
  }

  has(id: CanonicalModelId): boolean {
    return this.#models.has(id);
  }

  list(): ModelInfo[] {
    return [...this.#models.values()];
  }

  /**
   * Adds a slug rule: one per gateway (from the gateway's definition) and one generic rule for
   * every gateway without its own. A second rule for the same slot throws, naming both owners,
   * so one plugin never silently replaces another's slugs.
   */
  addSlugRule(rule: SlugRule, { owner, gateway }: SlugRuleOwner): void {
    const existing = gateway === undefined ? this.#genericSlugRule : this.#gatewaySlugRules.get(gateway);
    if (existing) {
      const slot = gateway === undefined ? "the generic slug rule" : `the slug rule of gateway "${gateway}"`;
      throw new TypeError(`${owner} cannot install ${slot}: ${existing.owner} already did`);
    }
    if (gateway === undefined) this.#genericSlugRule = { owner, rule };
    else this.#gatewaySlugRules.set(gateway, { owner, rule });
  }

  /**
   * The slug a gateway knows a model by: the registry's per-gateway slug, else the gateway's own
   * rule, else the generic rule, else the canonical id. Only the transport calls this.
   */
  slugFor(id: CanonicalModelId, gateway: string): string {
    return (
      this.#models.get(id)?.gateways?.[gateway]?.slug ??
      this.#gatewaySlugRules.get(gateway)?.rule(id, gateway) ??
      this.#genericSlugRule?.rule(id, gateway) ??
      id
    );
  }

  /** Records the real window a gateway stated in an overflow error. */
  learn(id: CanonicalModelId, gateway: string, contextWindow: number): void {
    this.#learned.set(learnedKey(id, gateway), contextWindow);
  }

  /**
   * The limits of a model on a gateway: a learned limit wins, then the gateway's own override,
   * then the model's registry entry, then the conservative default.
   */
  limits(id: CanonicalModelId, gateway: string): ModelLimits {
    const info = this.#models.get(id);
    const learned = this.#learned.get(learnedKey(id, gateway));
    const maxOutputTokens =
      info?.gateways?.[gateway]?.maxOutputTokens ?? info?.maxOutputTokens ?? DEFAULT_LIMITS.maxOutputTokens;
    if (learned !== undefined) return { contextWindow: learned, maxOutputTokens, source: "learned" };
    const override = info?.gateways?.[gateway]?.contextWindow;
    if (info && override !== undefined && override < info.contextWindow) {
      return { contextWindow: override, maxOutputTokens, source: "gateway" };
    }
    if (info) return { contextWindow: info.contextWindow, maxOutputTokens, source: "registry" };
    return { ...DEFAULT_LIMITS, source: "default" };
  }
}

function learnedKey(id: string, gateway: string): string {
  return `${gateway}\u0000${id}`;
}
