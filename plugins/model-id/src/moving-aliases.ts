/**
 * A name that points at different weights over time or per gateway, or an old name a lab
 * migrated. `gateways` limits the entry to those gateways (Bridle ids); without it the entry is
 * the default, used for every other gateway and when no gateway is known.
 */
export interface MovingAlias {
  /** The alias in normalized spelling (lower case, dashes, dots), as `normalizeModelName` writes it. */
  from: string;
  /** The canonical id it resolves to. */
  to: string;
  gateways?: readonly string[];
  /** Why: the fact and where it comes from. */
  note: string;
}

/**
 * Facts about moving aliases and deprecations, as of the catalog snapshot (models.dev, 2026-06).
 * Only names whose target cannot be read off the name belong here; everything else is a rule.
 */
export const MOVING_ALIASES: readonly MovingAlias[] = [
  { from: "deepseek-chat", to: "deepseek-v4-flash", note: "DeepSeek API non-thinking alias; points at V4-Flash since V4 (1M window)." },
  { from: "deepseek-reasoner", to: "deepseek-v4-flash", note: "DeepSeek API thinking alias; points at V4-Flash since V4." },
  { from: "deepseek-chat", to: "deepseek-v3", gateways: ["openrouter", "kilo", "302ai", "nano-gpt", "helicone"], note: "These catalogs list deepseek-chat with the original V3 (Dec 2024) release." },
  { from: "deepseek-reasoner", to: "deepseek-r1", gateways: ["302ai", "nano-gpt", "helicone"], note: "These catalogs list deepseek-reasoner with the original R1 release." },
  { from: "deepseek-chat", to: "deepseek-v3.2", gateways: ["zenmux"], note: "ZenMux names it DeepSeek-V3.2 (non-thinking mode)." },
  { from: "deepseek-v3", to: "deepseek-v3-0324", gateways: ["vercel"], note: "Vercel's deepseek/deepseek-v3 is named DeepSeek V3 0324." },
  { from: "deepseek-v3", to: "deepseek-v3.1", gateways: ["bedrock"], note: "Bedrock's deepseek.v3-v1:0 is DeepSeek-V3.1." },
  { from: "kimi-k2", to: "kimi-k2-instruct-0905", gateways: ["opencode", "llmgateway"], note: "Undated kimi-k2 served with a 256K window: the 0905 checkpoint." },
  { from: "kimi-k2-1t", to: "kimi-k2-instruct-0905", note: "Ollama's kimi-k2:1t tag serves the 0905 checkpoint (256K window)." },
  { from: "kimi-k2-turbo-preview", to: "kimi-k2-instruct-0905", note: "Moonshot's fast K2 preview now serves the 0905 weights." },
  { from: "kimi-k2-0711", to: "kimi-k2-instruct", note: "The July 2025 K2 release; its Hugging Face repo carries no date." },
  { from: "kimi-k2-instruct-0711", to: "kimi-k2-instruct", note: "The July 2025 K2 release; its Hugging Face repo carries no date." },
  { from: "kimi-k2.7", to: "kimi-k2.7-code", note: "K2.7 was released only as K2.7-Code." },
  { from: "minimax-01", to: "minimax-text-01", note: "API name of the MiniMax-Text-01 weights." },
  { from: "mistral-large-latest", to: "mistral-large-3-675b-instruct-2512", note: "Mistral API alias; Mistral Large 3 since Dec 2025 (256K window)." },
  { from: "mistral-large-latest", to: "mistral-large-instruct-2411", gateways: ["llmgateway"], note: "Served with a 128K window: Large 2.1 (2411)." },
  { from: "devstral-medium-latest", to: "devstral-2-123b-instruct-2512", note: "Mistral API alias; Devstral 2 since Dec 2025." },
  { from: "mistral-medium-3", to: "mistral-medium-2505", note: "Mistral Medium 3 is the 2505 release." },
  { from: "mistral-medium-3.1", to: "mistral-medium-2508", note: "Mistral Medium 3.1 is the 2508 release." },
  { from: "mistral-medium-2604", to: "mistral-medium-3.5-128b", note: "Mistral Medium 3.5 is the 2604 release." },
  { from: "magistral-small", to: "magistral-small-2506", note: "Undated alias dated to the 2506 release in the catalog." },
  { from: "mistral-small", to: "mistral-small-3.2-24b-instruct-2506", gateways: ["helicone"], note: "Helicone's mistral-small has base_model mistral-small-2506 in the catalog." },
  { from: "mistral-small", to: "mistral-small-instruct-2409", gateways: ["vercel"], note: "Vercel's mistral/mistral-small dates to Sep 2024 with a 32K window: Small 2409." },
  { from: "open-mistral-7b", to: "mistral-7b-instruct-v0.3", note: "Legacy Mistral API name; v0.3 assumed." },
  { from: "glm-4.1v-thinking-flash", to: "glm-4.1v-9b-thinking", note: "Z.ai API name of GLM-4.1V-9B-Thinking (flashx: paid tier)." },
  { from: "qwen3-235b", to: "qwen3-235b-a22b-instruct-2507", gateways: ["vercel"], note: "Vercel's alibaba/qwen-3-235b is the Instruct-2507 checkpoint." },
  { from: "qwen3-max", to: "qwen3-max-thinking", gateways: ["zenmux"], note: "ZenMux's qwen/qwen3-max is the thinking model." },
  { from: "qwen3-vl-235b-a22b", to: "qwen3-vl-235b-a22b-thinking", gateways: ["dashscope"], note: "DashScope's unsuffixed Qwen3-VL ids serve the thinking checkpoints." },
  { from: "qwen3-vl-30b-a3b", to: "qwen3-vl-30b-a3b-thinking", gateways: ["dashscope"], note: "DashScope's unsuffixed Qwen3-VL ids serve the thinking checkpoints." },
  { from: "qwen3-vl-235b", to: "qwen3-vl-235b-a22b-thinking", gateways: ["ollama"], note: "Ollama's unsuffixed qwen3-vl:235b tag is the thinking checkpoint." },
  { from: "qwen3-next-80b", to: "qwen3-next-80b-a3b-thinking", gateways: ["ollama"], note: "Ollama's unsuffixed qwen3-next:80b tag is the thinking checkpoint." },
];

/** Looks aliases up by normalized name, preferring an entry for the given gateway. */
export class MovingAliasTable {
  readonly #scoped = new Map<string, string>();
  readonly #defaults = new Map<string, string>();

  constructor(aliases: readonly MovingAlias[]) {
    for (const alias of aliases) {
      if (alias.gateways === undefined) this.#defaults.set(alias.from, alias.to);
      else for (const gateway of alias.gateways) this.#scoped.set(`${gateway}\u0000${alias.from}`, alias.to);
    }
  }

  /** The alias target for a normalized name on a (normalized) gateway, if the name is an alias. */
  resolve(name: string, gateway: string): string | undefined {
    return this.#scoped.get(`${gateway}\u0000${name}`) ?? this.#defaults.get(name);
  }
}
