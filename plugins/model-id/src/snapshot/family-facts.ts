import type { ModelInfo } from "@bridle/core";

/** Facts shared by a model family: everything in {@link ModelInfo} except id and window. */
export type FamilyFacts = Pick<
  ModelInfo,
  "family" | "maxOutputTokens" | "toolCalls" | "reasoning" | "reasoningReplay" | "replayRejectsEmpty"
>;

interface FamilyRule {
  match: RegExp;
  facts: FamilyFacts;
}

/**
 * Family facts, first match wins. Sources: gateways.md §0 rule 2 (reasoning replay: DeepSeek
 * thinking needs `reasoning_content` on tool turns and V4 on every turn, Kimi rejects a missing or
 * empty one, MiniMax M2 needs its `<think>` text back), the labs' model cards (hybrid vs.
 * separate thinking checkpoints) and the catalog's output limits. Output limits are the common
 * serving limit, not the theoretical maximum.
 */
const FAMILY_RULES: readonly FamilyRule[] = [
  // DeepSeek: V4 thinks by default and wants reasoning_content on every assistant turn.
  { match: /^deepseek-v4/, facts: { family: "deepseek", maxOutputTokens: 384_000, toolCalls: true, reasoning: "optional", reasoningReplay: "all-turns" } },
  // V3.1 onward are hybrid: thinking mode needs reasoning_content back on tool-call turns.
  { match: /^deepseek-v3\.[12]/, facts: { family: "deepseek", maxOutputTokens: 65_536, toolCalls: true, reasoning: "optional", reasoningReplay: "tool-turns" } },
  { match: /^deepseek-v3/, facts: { family: "deepseek", maxOutputTokens: 8_192, toolCalls: true, reasoning: "none", reasoningReplay: "drop" } },
  // R1 rejects earlier reasoning in the input, so it is dropped; the Jan-2025 release had no tool calling.
  { match: /^deepseek-r1-0528$/, facts: { family: "deepseek", maxOutputTokens: 32_768, toolCalls: true, reasoning: "always", reasoningReplay: "drop" } },
  { match: /^deepseek-r1-distill|^deepseek-r1-0528-qwen/, facts: { family: "deepseek", maxOutputTokens: 32_768, toolCalls: false, reasoning: "always", reasoningReplay: "drop" } },
  { match: /^deepseek-(?:r1|prover|math)/, facts: { family: "deepseek", maxOutputTokens: 32_768, toolCalls: false, reasoning: "always", reasoningReplay: "drop" } },
  // Kimi: thinking models need reasoning_content on tool turns and reject an empty one.
  { match: /^kimi-k2-instruct/, facts: { family: "kimi", maxOutputTokens: 32_768, toolCalls: true, reasoning: "none", reasoningReplay: "drop" } },
  { match: /^kimi-k2-thinking|^kimi-thinking/, facts: { family: "kimi", maxOutputTokens: 65_536, toolCalls: true, reasoning: "always", reasoningReplay: "tool-turns", replayRejectsEmpty: true } },
  { match: /^kimi-/, facts: { family: "kimi", maxOutputTokens: 65_536, toolCalls: true, reasoning: "optional", reasoningReplay: "tool-turns", replayRejectsEmpty: true } },
  // GLM 4.5 onward are hybrid; Z.ai keeps interleaved thinking optional to send back.
  { match: /^glm-4\.1v|^glm-4-/, facts: { family: "glm", maxOutputTokens: 16_384, toolCalls: true, reasoning: "none", reasoningReplay: "drop" } },
  { match: /^glm-/, facts: { family: "glm", maxOutputTokens: 131_072, toolCalls: true, reasoning: "optional", reasoningReplay: "drop" } },
  // MiniMax M-series interleave thinking in content; it must go back unchanged.
  { match: /^minimax-text/, facts: { family: "minimax", maxOutputTokens: 40_000, toolCalls: true, reasoning: "none", reasoningReplay: "drop" } },
  { match: /^minimax-/, facts: { family: "minimax", maxOutputTokens: 131_072, toolCalls: true, reasoning: "always", reasoningReplay: "all-turns" } },
  // Qwen: separate instruct and thinking checkpoints from 2507; the 2504 releases are hybrid.
  { match: /^qwen.*-thinking/, facts: { family: "qwen", maxOutputTokens: 81_920, toolCalls: true, reasoning: "always", reasoningReplay: "drop" } },
  { match: /^qwen3-coder|^qwen.*-instruct/, facts: { family: "qwen", maxOutputTokens: 65_536, toolCalls: true, reasoning: "none", reasoningReplay: "drop" } },
  { match: /^qwen/, facts: { family: "qwen", maxOutputTokens: 32_768, toolCalls: true, reasoning: "optional", reasoningReplay: "drop" } },
  // gpt-oss reasons always (harmony); earlier reasoning goes back on tool-call turns.
  { match: /^gpt-oss-safeguard/, facts: { family: "gpt-oss", maxOutputTokens: 32_768, toolCalls: false, reasoning: "always", reasoningReplay: "drop" } },
  { match: /^gpt-oss/, facts: { family: "gpt-oss", maxOutputTokens: 32_768, toolCalls: true, reasoning: "always", reasoningReplay: "tool-turns" } },
  // Mistral: Magistral and the reasoning Ministrals think; the rest do not.
  { match: /^magistral|^ministral-3-\d+b-reasoning/, facts: { family: "mistral", maxOutputTokens: 40_000, toolCalls: true, reasoning: "always", reasoningReplay: "drop" } },
  { match: /^mistral-7b-instruct-v0\.1/, facts: { family: "mistral", maxOutputTokens: 8_192, toolCalls: false, reasoning: "none", reasoningReplay: "drop" } },
  { match: /stral|^mixtral|^ministral/, facts: { family: "mistral", maxOutputTokens: 32_768, toolCalls: true, reasoning: "none", reasoningReplay: "drop" } },
  // Llama: safety classifiers and Llama 3.0 have no native tool calling.
  { match: /^llama-guard|safety-guard/, facts: { family: "llama", maxOutputTokens: 4_096, toolCalls: false, reasoning: "none", reasoningReplay: "drop" } },
  { match: /^llama-3-/, facts: { family: "llama", maxOutputTokens: 4_096, toolCalls: false, reasoning: "none", reasoningReplay: "drop" } },
  { match: /nemotron/, facts: { family: "nemotron", maxOutputTokens: 32_768, toolCalls: true, reasoning: "optional", reasoningReplay: "drop" } },
  { match: /^llama/, facts: { family: "llama", maxOutputTokens: 8_192, toolCalls: true, reasoning: "none", reasoningReplay: "drop" } },
  // Later open releases listed in command-code.md §2.1.
  { match: /^mimo/, facts: { family: "mimo", maxOutputTokens: 65_536, toolCalls: true, reasoning: "optional", reasoningReplay: "drop" } },
  { match: /^step-/, facts: { family: "step", maxOutputTokens: 65_536, toolCalls: true, reasoning: "always", reasoningReplay: "drop" } },
  { match: /^longcat/, facts: { family: "longcat", maxOutputTokens: 65_536, toolCalls: true, reasoning: "optional", reasoningReplay: "drop" } },
];

/** Facts for a model no family rule covers: tools assumed, no reasoning to replay. */
const FALLBACK: FamilyFacts = { family: "other", maxOutputTokens: 8_192, toolCalls: true, reasoning: "none", reasoningReplay: "drop" };

/** The family facts for a canonical id (first matching rule), or conservative ones. */
export function familyFacts(id: string): FamilyFacts {
  for (const rule of FAMILY_RULES) if (rule.match.test(id)) return rule.facts;
  return FALLBACK;
}
