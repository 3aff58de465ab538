import { modelFamily } from "./model-family.js";

/** How labs capitalise words in their Hugging Face repository names. */
const WORD_CASE: Readonly<Record<string, string>> = {
  deepseek: "DeepSeek",
  minimax: "MiniMax",
  glm: "GLM",
  vl: "VL",
  gpt: "gpt",
  oss: "oss",
  hf: "HF",
};

/**
 * Writes a canonical id the way its lab names the Hugging Face repository:
 * `qwen3-coder-480b-a35b-instruct` → `Qwen3-Coder-480B-A35B-Instruct`, `deepseek-v3.1` →
 * `DeepSeek-V3.1`, `glm-4.5v` → `GLM-4.5V`, `mixtral-8x7b-instruct-v0.1` →
 * `Mixtral-8x7B-Instruct-v0.1`. gpt-oss keeps its lower-case name.
 */
export function hubRepoName(id: string): string {
  if (modelFamily(id) === "gpt-oss") return id;
  return id
    .split("-")
    .map((token) => {
      const fixed = WORD_CASE[token];
      if (fixed !== undefined) return fixed;
      if (/^(?:\d+(?:\.\d+)?|a\d+(?:\.\d+)?|\d+x\d+)[be]$/.test(token)) return token.toUpperCase().replace("X", "x");
      if (/^v0\./.test(token)) return token;
      if (/^\d+(?:\.\d+)?v$/.test(token)) return token.toUpperCase();
      return token.charAt(0).toUpperCase() + token.slice(1);
    })
    .join("-");
}
