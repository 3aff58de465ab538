import type { ModelFamily } from "./model-family.js";

/**
 * How one gateway writes model slugs.
 * - `style`: `hub` = Hugging Face repo id (`Qwen/Qwen3-Coder-480B-A35B-Instruct`); `lower` = the
 *   canonical id, lower case, behind a lower-case org (`qwen/qwen3-coder-480b-a35b-instruct`);
 *   `bare` = the canonical id alone; `hub-name` = the repo name without its org (`MiniMax-M2.5`).
 * - `orgs`: the org each family is filed under; no org when the family is missing.
 * - `prefix`: a routing path in front (`accounts/fireworks/models/`, `@cf/`).
 * - `dotAs`: how a dot in a version is written (Fireworks: `p`).
 * - `rewrites`: spelling rules applied to the id before the org is added, in order.
 * - `slugs`: slugs that follow no rule (product names, preview ids); keyed by canonical id.
 */
export interface GatewaySlugRule {
  style: "hub" | "lower" | "bare" | "hub-name";
  orgs?: Partial<Record<ModelFamily, string>>;
  prefix?: string;
  dotAs?: string;
  rewrites?: ReadonlyArray<readonly [RegExp, string]>;
  slugs?: Readonly<Record<string, string>>;
}

const HUB_ORGS: Partial<Record<ModelFamily, string>> = {
  deepseek: "deepseek-ai",
  kimi: "moonshotai",
  glm: "zai-org",
  qwen: "Qwen",
  minimax: "MiniMaxAI",
  llama: "meta-llama",
  nemotron: "nvidia",
  mistral: "mistralai",
  "gpt-oss": "openai",
};

const ROUTER_ORGS: Partial<Record<ModelFamily, string>> = {
  deepseek: "deepseek",
  kimi: "moonshotai",
  glm: "z-ai",
  qwen: "qwen",
  minimax: "minimax",
  llama: "meta-llama",
  nemotron: "nvidia",
  mistral: "mistralai",
  "gpt-oss": "openai",
};

/** Hosts that serve Hugging Face repo ids as slugs (gateways.md §2: Together, DeepInfra, Baseten, SiliconFlow, Nebius, Chutes, HF router). */
const HUB: GatewaySlugRule = { style: "hub", orgs: HUB_ORGS };

/**
 * Slug conventions per gateway (Bridle gateway ids), from gateways.md §2 and the catalog's
 * slugs. A gateway missing here gets the canonical id; a registry entry's per-gateway `slug`
 * always wins over these rules.
 */
export const GATEWAY_SLUG_RULES: Readonly<Record<string, GatewaySlugRule>> = {
  openrouter: {
    style: "lower",
    orgs: ROUTER_ORGS,
    rewrites: [
      [/^deepseek-v3$/, "deepseek-chat"],
      [/^deepseek-v3(-0324|\.1)$/, "deepseek-chat-v3$1"],
      [/^kimi-k2-instruct$/, "kimi-k2"],
      [/^kimi-k2-instruct-(\d{4})$/, "kimi-k2-$1"],
      [/^qwen3-coder-480b-a35b-instruct$/, "qwen3-coder"],
      [/^(qwen3-\d+b-a\d+b)-instruct-2507$/, "$1-2507"],
      [/^(llama-4-(?:scout|maverick))-.*$/, "$1"],
    ],
  },
  together: HUB,
  deepinfra: HUB,
  baseten: HUB,
  chutes: HUB,
  nebius: HUB,
  siliconflow: HUB,
  hyperbolic: HUB,
  huggingface: HUB,
  vllm: HUB,
  sglang: HUB,
  fireworks: {
    style: "bare",
    prefix: "accounts/fireworks/models/",
    dotAs: "p",
    rewrites: [[/^llama-(\d)/, "llama-v$1"]],
  },
  groq: {
    style: "lower",
    orgs: { kimi: "moonshotai", qwen: "qwen", "gpt-oss": "openai", llama: "meta-llama" },
    slugs: { "llama-3.1-8b-instruct": "llama-3.1-8b-instant", "llama-3.3-70b-instruct": "llama-3.3-70b-versatile" },
  },
  cerebras: {
    style: "bare",
    rewrites: [
      [/^qwen(\d)/, "qwen-$1"],
      [/^glm-/, "zai-glm-"],
      [/^(llama-\d\.\d-\d+b)-instruct$/, "$1"],
      [/^qwen-3-coder-480b-a35b-instruct$/, "qwen-3-coder-480b"],
    ],
  },
  novita: {
    style: "lower",
    orgs: { ...ROUTER_ORGS, glm: "zai-org" },
  },
  vercel: {
    style: "lower",
    orgs: { deepseek: "deepseek", kimi: "moonshotai", glm: "zai", qwen: "alibaba", minimax: "minimax", llama: "meta", mistral: "mistral", "gpt-oss": "openai" },
    rewrites: [
      [/^(llama-[\d.]+-\d+b)(?:-vision)?-instruct$/, "$1"],
      [/^qwen3-coder-480b-a35b-instruct$/, "qwen3-coder"],
      [/^kimi-k2-instruct-(\d{4})$/, "kimi-k2-$1"],
    ],
    slugs: { "deepseek-v3-0324": "deepseek/deepseek-v3" },
  },
  cloudflare: {
    style: "lower",
    prefix: "@cf/",
    orgs: { deepseek: "deepseek-ai", kimi: "moonshotai", glm: "zai-org", qwen: "qwen", llama: "meta", mistral: "mistralai", "gpt-oss": "openai" },
  },
  moonshot: {
    style: "bare",
    slugs: { "kimi-k2-instruct": "kimi-k2-0711-preview", "kimi-k2-instruct-0905": "kimi-k2-0905-preview" },
  },
  deepseek: { style: "bare" },
  zai: { style: "bare" },
  dashscope: { style: "bare" },
  minimax: { style: "hub-name" },
  lmstudio: { style: "lower", orgs: ROUTER_ORGS },
  ollama: {
    style: "bare",
    rewrites: [
      [/^llama-([\d.]+)-(\d+b)-instruct$/, "llama$1:$2"],
      [/^(mistral-small)-([\d.]+)-(\d+b)-.*$/, "$1$2:$3"],
      [/^(qwen3-vl|qwen3-next)-(\d+b)-a\d+b-(instruct|thinking)$/, "$1:$2-$3"],
      [/^(qwen3-coder|qwen3|qwen3\.\d|qwen3-vl|qwen3-next)-(\d+b)(?:-a\d+b)?(?:-instruct)?$/, "$1:$2"],
      [/^gpt-oss-(\d+b)$/, "gpt-oss:$1"],
    ],
  },
};
