/**
 * The org each model family is filed under, by slug convention. Hugging Face repo ids
 * (Together, DeepInfra, Baseten, Chutes, SiliconFlow, Nebius, Hyperbolic, the HF router, vLLM,
 * SGLang) use the labs' own org names; routers (OpenRouter, LM Studio, Novita) use lower-case
 * vendor names.
 */
export const HUB_ORGS: Readonly<Record<string, string>> = {
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

export const ROUTER_ORGS: Readonly<Record<string, string>> = {
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
