import { BoundedCache } from "./bounded-cache.js";
import { KnownModelIndex } from "./known-model-index.js";
import type { ModelIdentity } from "./model-identity.js";
import { MOVING_ALIASES, type MovingAlias, MovingAliasTable } from "./moving-aliases.js";
import { normalizeGatewayId } from "./normalize-gateway-id.js";
import { normalizeModelName } from "./normalize-model-name.js";
import { splitColonTag } from "./split-colon-tag.js";
import { splitModelPath } from "./split-model-path.js";
import { stripBedrockForm } from "./strip-bedrock-form.js";
import { isQuantizationStart, isServingTierWord, isSoftSuffix } from "./suffix-words.js";

/** Per-call options of {@link Canonicalizer.canonicalize}. */
export interface CanonicalizeOptions {
  /** The gateway the string came from or is meant for: a hint only, any string is fine. */
  gateway?: string;
}

/** What a canonicalizer knows: the catalog of canonical ids, moving aliases, memo size. */
export interface CanonicalizerOptions {
  /** Canonical ids the registry describes; a name that matches one is never shortened further. */
  knownIds?: Iterable<string>;
  /** Moving aliases and migrations; {@link MOVING_ALIASES} when omitted. */
  aliases?: readonly MovingAlias[];
  /** How many resolutions to memoize (default 8192). */
  cacheSize?: number;
  /**
   * Whether a known model is a hybrid that thinks on request (registry `reasoning: "optional"`).
   * Only for those is a `-thinking` suffix a mode of the same weights; elsewhere it names a
   * separate checkpoint (Kimi K2-Thinking, Qwen3 Thinking-2507). Defaults to "never".
   */
  isHybrid?: (id: string) => boolean;
}

/** A canonicalizer bound to one known-model catalog, with its own bounded memo. */
export interface Canonicalizer {
  /** Resolves any model string to its canonical identity. Pure for a given catalog; never throws for a gateway. */
  canonicalize(modelId: string, options?: CanonicalizeOptions): ModelIdentity;
  /** Adds a known id (a user's model entry); clears the memo, since answers may change. */
  addKnownId(id: string): void;
  isKnown(id: string): boolean;
  clearCache(): void;
}

/** Words peeled off a name that say *how* the weights are served rather than *which* weights. */
const VARIANT_WORDS = new Set([
  "free",
  "nitro",
  "floor",
  "exacto",
  "online",
  "thinking",
  "extended",
  "beta",
  "latest",
  "preview",
  "low",
  "high",
  "xhigh",
  "minimal",
]);

/** What peeling collected on the way to an id. */
interface Peeled {
  variants: string[];
  tiers: string[];
  quantization: string[];
}

/**
 * Builds a canonicalizer. The funnel: split the routing path (`accounts/…/models/`, `@cf/`, `Pro/`,
 * `TEE/`, `hf:`, `org/`), colon tags (`:free`, `:thinking`, Ollama `:30b-q4_K_M`) and Bedrock's
 * `vendor.…-v1:0`; normalize spelling (case, separators, `p` for dot, vendor words, family
 * spellings); then, checking the catalog at every step so a known name is never cut, peel
 * serving-tier words and quantization phrases; expand a short name to the one known id it
 * abbreviates; and finally drop soft suffixes (`-thinking`, `-lite`, `-preview`, dated aliases)
 * only where that lands on a known id. Moving aliases are looked up at every step.
 */
export function createCanonicalizer(options: CanonicalizerOptions = {}): Canonicalizer {
  const index = new KnownModelIndex(options.knownIds ?? []);
  const aliases = new MovingAliasTable(options.aliases ?? MOVING_ALIASES);
  const cache = new BoundedCache<ModelIdentity>(options.cacheSize ?? 8192);
  const isHybrid = options.isHybrid ?? (() => false);

  const exact = (tokens: readonly string[], gateway: string): { id: string; alias?: string } | undefined => {
    const name = tokens.join("-");
    const target = aliases.resolve(name, gateway);
    if (target !== undefined) return { id: target, alias: name };
    return index.has(name) ? { id: name } : undefined;
  };

  /** Resolves against the catalog, peeling `tokens` in place; `undefined` when nothing known matches. */
  const resolve = (
    tokens: string[],
    peeled: Peeled,
    gateway: string,
    sizeTag: string | undefined,
  ): { id: string; alias?: string } | undefined => {
    for (;;) {
      const hit = exact(tokens, gateway);
      if (hit) return hit;
      if (!peelHard(tokens, peeled)) break;
    }
    const expanded = index.expand(tokens);
    if (expanded !== undefined) return { id: expanded };
    const droppableSize = sizeTag ?? tokens.at(-1);
    if (droppableSize !== undefined && tokens.length > 2 && isTotalSize(droppableSize) && tokens.includes(droppableSize)) {
      // Big MoE models are often named with their total size (`deepseek-v3.1:671b`,
      // `deepseek-r1-671b`) that the repo name omits. Small sizes are never dropped: they name
      // distills and dense siblings (`deepseek-r1:8b` is not DeepSeek-R1).
      const withoutSize = tokens.filter((token) => token !== droppableSize);
      const attempt = clonePeeled(peeled);
      const hit = resolve(withoutSize, attempt, gateway, undefined);
      if (hit) return adopt(peeled, attempt, hit);
    }
    const last = tokens.at(-1);
    if (tokens.length > 1 && last === "latest") {
      // `codestral-latest`: the newest known member of the family the alias names.
      const attempt = clonePeeled(peeled);
      const hit = resolve(tokens.slice(0, -1), attempt, gateway, sizeTag);
      if (hit) return adopt(peeled, attempt, { id: hit.id, alias: tokens.join("-") });
    }
    if (tokens.length > 1 && last !== undefined && isSoftSuffix(last)) {
      const attempt = clonePeeled(peeled);
      recordSoft(last, attempt);
      const hit = resolve(tokens.slice(0, -1), attempt, gateway, sizeTag);
      // A soft suffix only falls away onto a model the catalog knows, and `-thinking` only onto a hybrid.
      if (hit && index.has(hit.id) && (last !== "thinking" || isHybrid(hit.id))) return adopt(peeled, attempt, hit);
    }
    return undefined;
  };

  const compute = (input: string, gatewayHint: string | undefined): ModelIdentity => {
    const trimmed = input.trim();
    if (trimmed.length === 0) {
      throw new TypeError('model id is empty: expected a model name such as "kimi-k2.6" or "qwen/qwen3-coder"');
    }
    if (/^alias:/i.test(trimmed)) {
      // Already the canonical form of a moving alias with no fixed target.
      const id = trimmed.toLowerCase();
      return freezeIdentity({ id, known: index.has(id), input, peeled: { variants: [], tiers: [], quantization: [] }, org: undefined, alias: id.slice(6) });
    }
    const gateway = gatewayHint === undefined ? "" : normalizeGatewayId(gatewayHint);
    const path = splitModelPath(trimmed);
    if (path.name.length === 0) throw new TypeError(`model id "${input}" has no model name after its routing prefix`);
    const bedrock = stripBedrockForm(path.name);
    const colon = splitColonTag(bedrock.name);
    const peeled: Peeled = { variants: [...colon.variants], tiers: [], quantization: path.quantization ? [path.quantization] : [] };
    const tokens = normalizeModelName(colon.name).split("-").filter((token) => token.length > 0);
    let sizeTag: string | undefined;
    if (colon.nameTag !== undefined) {
      const tagTokens = normalizeModelName(colon.nameTag).split("-").filter((token) => token.length > 0);
      sizeTag = tagTokens[0];
      tokens.push(...tagTokens);
    }
    if (tokens.length === 0) {
      throw new TypeError(`model id "${input}" has no model name after its routing prefix`);
    }

    let hit = resolve(tokens, peeled, gateway, sizeTag);
    if (!hit) {
      // `qwen-1-5b` may be 1.5B or version 1 at 5B; read it the way that names a known model.
      const decimal = tokens.join("-").replace(/(^|-)(\d)-(\d+b)(?=-|$)/, "$1$2.$3");
      if (decimal !== tokens.join("-")) {
        const attempt = clonePeeled(peeled);
        const alternative = resolve(decimal.split("-"), attempt, gateway, sizeTag);
        if (alternative && index.has(alternative.id)) hit = adopt(peeled, attempt, alternative);
      }
    }
    let id: string;
    let alias: string | undefined;
    if (hit) {
      id = hit.id;
      alias = hit.alias;
    } else if (tokens.length > 1 && tokens.at(-1) === "latest") {
      // A `-latest` alias nobody pinned and whose family has no single newest member stays an alias.
      id = `alias:${tokens.join("-")}`;
      alias = tokens.join("-");
    } else {
      id = tokens.join("-");
    }
    if (alias === undefined && path.movingAlias) alias = id;
    return freezeIdentity({ id, known: index.has(id), input, peeled, org: path.org ?? bedrock.vendor, alias });
  };

  return {
    canonicalize(modelId: string, callOptions?: CanonicalizeOptions): ModelIdentity {
      const gateway = callOptions?.gateway;
      const key = gateway === undefined ? modelId : `${gateway}\u0000${modelId}`;
      const cached = cache.get(key);
      if (cached !== undefined) return cached;
      const identity = compute(modelId, gateway);
      cache.set(key, identity);
      return identity;
    },
    addKnownId(id: string): void {
      index.add(id);
      cache.clear();
    },
    isKnown(id: string): boolean {
      return index.has(id);
    },
    clearCache(): void {
      cache.clear();
    },
  };
}

/** Peels one serving-tier word or quantization phrase off the end; false when there is none. */
function peelHard(tokens: string[], peeled: Peeled): boolean {
  if (tokens.length < 2) return false;
  const last = tokens.at(-1) as string;
  if (last === "throughput" && tokens.at(-2) === "high" && tokens.length > 2) {
    tokens.splice(-2, 2);
    peeled.tiers.unshift("high-throughput");
    return true;
  }
  if (isServingTierWord(last)) {
    tokens.pop();
    record(last, peeled);
    return true;
  }
  // Z.ai's high-speed tiers: `glm-4.5-x`, `glm-4.5-airx`, `glm-4.7-flashx`.
  if (tokens[0] === "glm") {
    if (last === "x") {
      tokens.pop();
      peeled.tiers.unshift("x");
      return true;
    }
    const tier = /^(air|flash)x$/.exec(last);
    if (tier?.[1]) {
      tokens[tokens.length - 1] = tier[1];
      peeled.tiers.unshift("x");
      return true;
    }
  }
  const start = tokens.findIndex((token, position) => position > 0 && isQuantizationStart(token));
  if (start > 0) {
    const tail = tokens.splice(start);
    const phrase = tail.filter((token) => !isServingTierWord(token));
    for (const token of tail) if (isServingTierWord(token)) record(token, peeled);
    const first = phrase[0] ?? "";
    peeled.quantization.unshift(/^i?q\d/.test(first) ? phrase.join("_").replace(".", "_") : phrase.join("-"));
    return true;
  }
  return false;
}

/** A total parameter count of 100B or more (`671b`, `1t`). */
function isTotalSize(token: string): boolean {
  const size = /^(\d+(?:\.\d+)?)([bt])$/.exec(token);
  if (!size?.[1]) return false;
  return size[2] === "t" || Number(size[1]) >= 100;
}

function record(word: string, peeled: Peeled): void {
  if (VARIANT_WORDS.has(word)) peeled.variants.unshift(word);
  else peeled.tiers.unshift(word);
}

/** Where a dropped soft suffix is reported: Together's `-lite` is INT4, `-202k` a context tier. */
function recordSoft(word: string, peeled: Peeled): void {
  if (word === "lite") peeled.quantization.unshift(word);
  else if (/^\d+k$/.test(word)) peeled.tiers.unshift(word);
  else if (VARIANT_WORDS.has(word)) peeled.variants.unshift(word);
}

function clonePeeled(peeled: Peeled): Peeled {
  return { variants: [...peeled.variants], tiers: [...peeled.tiers], quantization: [...peeled.quantization] };
}

function adopt<T>(target: Peeled, source: Peeled, hit: T): T {
  target.variants = source.variants;
  target.tiers = source.tiers;
  target.quantization = source.quantization;
  return hit;
}

function freezeIdentity(parts: {
  id: string;
  known: boolean;
  input: string;
  peeled: Peeled;
  org: string | undefined;
  alias: string | undefined;
}): ModelIdentity {
  const identity: ModelIdentity = { id: parts.id, known: parts.known, input: parts.input };
  const unique = (values: string[]) => [...new Set(values)].join(",");
  if (parts.peeled.variants.length > 0) identity.variant = unique(parts.peeled.variants);
  if (parts.peeled.quantization.length > 0) identity.quantization = unique(parts.peeled.quantization);
  if (parts.peeled.tiers.length > 0) identity.servingTier = unique(parts.peeled.tiers);
  if (parts.org !== undefined) identity.org = parts.org;
  if (parts.alias !== undefined && parts.alias !== parts.id) identity.alias = parts.alias;
  return Object.freeze(identity);
}
