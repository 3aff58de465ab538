import type { GatewayDefinition } from "./gateway-definition.js";

/**
 * Gateways Bridle knows out of the box. Open-model gateways take `max_tokens`; Cerebras prefers
 * `max_completion_tokens`. Config (`gateways.<id>`) overrides base URLs and key variables.
 */
const gateways: GatewayDefinition[] = [
  { id: "openrouter", name: "OpenRouter", baseURL: "https://openrouter.ai/api/v1", apiKeyEnv: "OPENROUTER_API_KEY" },
  { id: "together", name: "Together AI", baseURL: "https://api.together.xyz/v1", apiKeyEnv: "TOGETHER_API_KEY" },
  { id: "fireworks", name: "Fireworks", baseURL: "https://api.fireworks.ai/inference/v1", apiKeyEnv: "FIREWORKS_API_KEY" },
  { id: "groq", name: "Groq", baseURL: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY" },
  { id: "deepinfra", name: "DeepInfra", baseURL: "https://api.deepinfra.com/v1/openai", apiKeyEnv: "DEEPINFRA_API_KEY" },
  { id: "cerebras", name: "Cerebras", baseURL: "https://api.cerebras.ai/v1", apiKeyEnv: "CEREBRAS_API_KEY", request: { maxTokensField: "max_completion_tokens" } },
  { id: "novita", name: "Novita", baseURL: "https://api.novita.ai/openai/v1", apiKeyEnv: "NOVITA_API_KEY" },
  { id: "siliconflow", name: "SiliconFlow", baseURL: "https://api.siliconflow.com/v1", apiKeyEnv: "SILICONFLOW_API_KEY" },
  { id: "moonshot", name: "Moonshot (Kimi)", baseURL: "https://api.moonshot.ai/v1", apiKeyEnv: "MOONSHOT_API_KEY" },
  { id: "deepseek", name: "DeepSeek", baseURL: "https://api.deepseek.com/v1", apiKeyEnv: "DEEPSEEK_API_KEY" },
  { id: "zai", name: "Z.ai (GLM)", baseURL: "https://api.z.ai/api/paas/v4", apiKeyEnv: "ZAI_API_KEY" },
  { id: "dashscope", name: "Alibaba DashScope", baseURL: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1", apiKeyEnv: "DASHSCOPE_API_KEY" },
  { id: "minimax", name: "MiniMax", baseURL: "https://api.minimax.io/v1", apiKeyEnv: "MINIMAX_API_KEY" },
  { id: "baseten", name: "Baseten", baseURL: "https://inference.baseten.co/v1", apiKeyEnv: "BASETEN_API_KEY" },
  { id: "chutes", name: "Chutes", baseURL: "https://llm.chutes.ai/v1", apiKeyEnv: "CHUTES_API_KEY" },
  { id: "ollama", name: "Ollama", baseURL: "http://localhost:11434/v1", local: true },
  { id: "lmstudio", name: "LM Studio", baseURL: "http://localhost:1234/v1", local: true },
  { id: "vllm", name: "vLLM", baseURL: "http://localhost:8000/v1", apiKeyEnv: "VLLM_API_KEY", local: true },
  { id: "llamacpp", name: "llama.cpp server", baseURL: "http://localhost:8080/v1", local: true },
  { id: "sglang", name: "SGLang", baseURL: "http://localhost:30000/v1", local: true },
];

export const KNOWN_GATEWAYS: readonly GatewayDefinition[] = gateways;
