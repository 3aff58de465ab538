/** The lab families Bridle knows slug conventions for. */
export type ModelFamily = "deepseek" | "kimi" | "glm" | "qwen" | "minimax" | "llama" | "nemotron" | "mistral" | "gpt-oss";

const FAMILY_PATTERNS: ReadonlyArray<readonly [RegExp, ModelFamily]> = [
  [/^deepseek-/, "deepseek"],
  [/^kimi-/, "kimi"],
  [/^glm-/, "glm"],
  [/^qwen/, "qwen"],
  [/^minimax-/, "minimax"],
  [/nemotron/, "nemotron"],
  [/^llama-/, "llama"],
  [/^(?:mistral|ministral|mixtral|devstral|codestral|magistral|pixtral)-/, "mistral"],
  [/^gpt-oss-/, "gpt-oss"],
];

/** The lab family a canonical id belongs to, read off its name; `undefined` for others. */
export function modelFamily(id: string): ModelFamily | undefined {
  for (const [pattern, family] of FAMILY_PATTERNS) if (pattern.test(id)) return family;
  return undefined;
}
