import { stripVendorPrefix } from "./strip-vendor-prefix.js";

/**
 * Spelling rules, applied in order to a lower-cased name, each with a substring it needs. Each undoes one way gateways write the
 * same version or family differently; none of them can merge two different versions.
 */
const SPELLING_RULES: ReadonlyArray<readonly [pattern: RegExp, replacement: string, needle: string]> = [
  // A dash standing for a dot: `kimi-k2-5`, `glm-5-1`, `qwen3-5-397b`, `llama3-3-70b`,
  // `deepseek-v3-1`, `v0-3`. Only a single bare digit after a short versioned token qualifies,
  // so sizes (`ministral-3-3b`), dates (`kimi-k2-0905`) and `glm-4-32b` stay as they are.
  [/(^|-)([a-z]*\d{1,2})-(\d)(?=-|$)/g, "$1$2.$3", "-"],
  // A dropped dot where the family always has one: `minimax-m25`, `qwen35-397b`, `l31-70b`,
  // `mistral-small-31-24b`, `mistral-7b-instruct-v03`.
  [/(^|-)minimax-m(\d)(\d)(?=-|$)/g, "$1minimax-m$2.$3", "minimax-m"],
  [/(^|-)qwen(\d)(\d)(?=-|$)/g, "$1qwen$2.$3", "qwen"],
  [/(^|-)l(\d)(\d)(?=-\d+b(?:-|$))/g, "$1l$2.$3", "l"],
  [/(^|-)(small|medium|large)-(\d)(\d)(?=-\d+b(?:-|$))/g, "$1$2-$3.$4", "stral-"],
  [/(^|-)v0(\d)(?=-|$)/g, "$1v0.$2", "v0"],
  // Llama is written `llama-3.3`; gateways also write `llama3.3`, `llama-v3.3` (Fireworks).
  [/(^|-)llama-?v?(\d)/g, "$1llama-$2", "llama"],
  // Mistral's size names take a dash before the version: `mistral-small3.2`.
  [/(^|-)(mistral-(?:small|medium|large))(\d)/g, "$1$2-$3", "mistral-"],
  // Qwen is written `qwen3.5`; Vercel, Cerebras and Venice write `qwen-3.5`, `qwen-3-235b`.
  [/^qwen-(\d)/, "qwen$1", "qwen-"],
  // DeepSeek is written `deepseek-v3.2`; DigitalOcean writes `deepseek-3.2`, OpenRouter `deepseek-chat-v3.1`.
  [/^deepseek-(\d)/, "deepseek-v$1", "deepseek-"],
  [/^deepseek-chat-v(\d)/, "deepseek-v$1", "deepseek-chat"],
  // Kimi for Coding names models `k2p5` (`k2.5` by now).
  [/^k(\d)(?=[.-]|$)/, "kimi-k$1", "k"],
];

/**
 * Brings a model name to one spelling: lower case, `_`, `@` and spaces as `-` (but `3_1` → `3.1`),
 * `p` between digits as a dot (`k2p6`, `v3p1`), vendor words in front removed, and the version
 * and family spellings above. `Meta-Llama-3_1-8B-Instruct` → `llama-3.1-8b-instruct`.
 */
export function normalizeModelName(name: string): string {
  let spelled = name.toLowerCase();
  // Each replacement runs only when its trigger character is present: this is a hot path.
  if (spelled.includes("_")) spelled = spelled.replace(/(\d)_(\d)/g, "$1.$2");
  if (/[_\s+@]/.test(spelled)) spelled = spelled.replace(/[_\s+@]+/g, "-");
  if (spelled.includes("p")) spelled = spelled.replace(/(\d)p(\d)/g, "$1.$2");
  if (spelled.includes("--")) spelled = spelled.replace(/-{2,}/g, "-");
  if (spelled.startsWith("-") || spelled.endsWith("-")) spelled = spelled.replace(/^-+|-+$/g, "");
  spelled = stripVendorPrefix(spelled);
  for (const [pattern, replacement, needle] of SPELLING_RULES) {
    // The needle is a cheap pre-check: most names trigger none of the family rules.
    if (spelled.includes(needle)) spelled = spelled.replace(pattern, replacement);
  }
  return spelled;
}
