import type { GatewayDefaults, GatewayDefinition } from "./gateway-definition.js";

/**
 * Placeholder definitions kept until the gateway adapter plugin defines these gateways itself;
 * a plugin's definition of the same id replaces its placeholder without a conflict.
 */
const gateways: GatewayDefinition[] = [
  { id: "openrouter", name: "OpenRouter", baseURL: "https://openrouter.ai/api/v1", apiKeyEnv: "OPENROUTER_API_KEY" },
  { id: "together", name: "Together AI", baseURL: "https://api.together.xyz/v1", apiKeyEnv: "TOGETHER_API_KEY" },
  { id: "fireworks", name: "Fireworks", baseURL: "https://api.fireworks.ai/inference/v1", apiKeyEnv: "FIREWORKS_API_KEY" },
  { id: "groq", name: "Groq", baseURL: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY", response: { usagePaths: ["x_groq.usage"] } },
  { id: "deepinfra", name: "DeepInfra", baseURL: "https://api.deepinfra.com/v1/openai", apiKeyEnv: "DEEPINFRA_API_KEY" },
  {
    id: "cerebras",
    name: "Cerebras",
    baseURL: "https://api.cerebras.ai/v1",
    apiKeyEnv: "CEREBRAS_API_KEY",
    request: { maxTokensField: "max_completion_tokens" },
    overflow: { bodilessStatuses: [400, 413] },
  },
  { id: "novita", name: "Novita", baseURL: "https://api.novita.ai/openai/v1", apiKeyEnv: "NOVITA_API_KEY" },
  { id: "siliconflow", name: "SiliconFlow", baseURL: "https://api.siliconflow.com/v1", apiKeyEnv: "SILICONFLOW_API_KEY" },
  {
    id: "moonshot",
    name: "Moonshot (Kimi)",
    baseURL: "https://api.moonshot.ai/v1",
    apiKeyEnv: "MOONSHOT_API_KEY",
    response: { usagePaths: ["choices.0.usage"], cachedTokenPaths: ["cached_tokens"] },
  },
  { id: "deepseek", name: "DeepSeek", baseURL: "https://api.deepseek.com/v1", apiKeyEnv: "DEEPSEEK_API_KEY", response: { cachedTokenPaths: ["prompt_cache_hit_tokens"] } },
  { id: "zai", name: "Z.ai (GLM)", baseURL: "https://api.z.ai/api/paas/v4", apiKeyEnv: "ZAI_API_KEY" },
  { id: "dashscope", name: "Alibaba DashScope", baseURL: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", apiKeyEnv: "DASHSCOPE_API_KEY" },
  { id: "minimax", name: "MiniMax", baseURL: "https://api.minimax.io/v1", apiKeyEnv: "MINIMAX_API_KEY" },
  { id: "baseten", name: "Baseten", baseURL: "https://inference.baseten.co/v1", apiKeyEnv: "BASETEN_API_KEY" },
  { id: "chutes", name: "Chutes", baseURL: "https://llm.chutes.ai/v1", apiKeyEnv: "CHUTES_API_KEY" },
  { id: "ollama", name: "Ollama", baseURL: "http://localhost:11434/v1", local: true },
  { id: "lmstudio", name: "LM Studio", baseURL: "http://localhost:1234/v1", local: true },
  { id: "vllm", name: "vLLM", baseURL: "http://localhost:8000/v1", apiKeyEnv: "VLLM_API_KEY", local: true },
  { id: "llamacpp", name: "llama.cpp server", baseURL: "http://localhost:8080/v1", local: true, response: { chunkCachedTokenPaths: ["timings.cache_n"] } },
  { id: "sglang", name: "SGLang", baseURL: "http://localhost:30000/v1", local: true },
];

export const KNOWN_GATEWAYS: readonly GatewayDefinition[] = gateways;

/** Placeholder shared facts, replaced by the adapter plugin's own. */
export const KNOWN_GATEWAY_DEFAULTS: GatewayDefaults = {
  response: {
    usagePaths: ["x_groq.usage", "choices.0.usage"],
    cachedTokenPaths: ["cached_tokens", "prompt_cache_hit_tokens"],
    chunkCachedTokenPaths: ["timings.cache_n"],
  },
  overflow: {
    patterns: [
      /prompt is too long/i,
      /is longer than the model'?s context length/i,
      /exceeds the model'?s maximum context length/i,
      /reduce the length of the messages/i,
      /exceeds the available context size/i,
      /exceed_context_size_error/i,
      /exceeded max context length by \d+ tokens/i,
      /greater than the context length/i,
      /exceeded model token limit/i,
      /input token length too long/i,
      /total message size \d+ exceeds limit/i,
      /context window exceeds limit/i,
      /range of input length should be \[1, ?\d+\]/i,
      /model_context_window_exceeded/i,
      /"code"\s*:\s*"1261"|prompt exceeds max length/i,
      /current length is \d+ while limit is \d+/i,
      /input is too long for requested model/i,
      /maximum prompt length is \d+/i,
      /input token count.*exceeds the maximum/i,
      /too large for model with \d+ maximum context length/i,
      /input length .*exceeds .*maximum.*(context )?length/i,
      /exceeds the maximum allowed (input )?length/i,
    ],
  },
};
