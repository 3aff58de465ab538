import type { CorpusWindow } from "./corpus-windows.js";

/**
 * Open-weight releases newer than the identity corpus, with the windows listed in
 * command-code.md §2.1 (Command Code 1.64.0 model table). Ids follow the canonical-id policy
 * (the lab's repository name in lower case).
 */
export const LATER_RELEASES: readonly CorpusWindow[] = [
  ["deepseek-v4.1-flash", 1_000_000],
  ["kimi-k3", 1_000_000],
  ["glm-5.3", 1_000_000],
  ["glm-5.3-flash", 1_048_576],
  ["qwen3.8-max", 1_000_000],
  ["qwen3.8-flash", 1_000_000],
  ["qwen3.8-27b", 262_144],
  ["mimo-v2.5", 1_000_000],
  ["mimo-v2.5-pro", 1_000_000],
  ["mimo-v2.6-pro", 1_048_576],
  ["mimo-v2.6-flash", 1_048_576],
  ["longcat-2.0", 1_048_576],
  ["step-3.5-flash", 1_000_000],
  ["step-3.7-flash", 256_000],
];
