/**
 * Spellings of one gateway in catalogs, configs and SDKs, mapped to the id Bridle's adapters use.
 * A gateway missing here keeps its own (lower-cased) name: the hint is never rejected.
 */
const GATEWAY_SYNONYMS: Readonly<Record<string, string>> = {
  togetherai: "together",
  "together-ai": "together",
  "fireworks-ai": "fireworks",
  fireworksai: "fireworks",
  "novita-ai": "novita",
  "amazon-bedrock": "bedrock",
  "aws-bedrock": "bedrock",
  moonshotai: "moonshot",
  "moonshotai-cn": "moonshot",
  "moonshot-cn": "moonshot",
  kimi: "moonshot",
  "z-ai": "zai",
  "z.ai": "zai",
  zhipu: "zai",
  zhipuai: "zai",
  bigmodel: "zai",
  "zai-coding-plan": "zai",
  "zhipuai-coding-plan": "zai",
  alibaba: "dashscope",
  "alibaba-cn": "dashscope",
  "alibaba-intl": "dashscope",
  "alibaba-coding-plan": "dashscope",
  "alibaba-token-plan-cn": "dashscope",
  "model-studio": "dashscope",
  "minimax-cn": "minimax",
  "minimax-coding-plan": "minimax",
  "siliconflow-cn": "siliconflow",
  "cloudflare-workers-ai": "cloudflare",
  "cloudflare-ai-gateway": "cloudflare",
  "workers-ai": "cloudflare",
  "vercel-ai-gateway": "vercel",
  "ai-gateway": "vercel",
  hf: "huggingface",
  "hugging-face": "huggingface",
  "huggingface-router": "huggingface",
  "ollama-cloud": "ollama",
  "lm-studio": "lmstudio",
  "llama.cpp": "llamacpp",
  "llama-cpp": "llamacpp",
  "llama-server": "llamacpp",
  "google-vertex": "vertex",
  "deepseek-ai": "deepseek",
};

/**
 * Normalizes a gateway hint to the id Bridle's adapters use (`togetherai` → `together`,
 * `fireworks-ai` → `fireworks`). Any string is accepted; unknown gateways come back lower-cased.
 */
export function normalizeGatewayId(gateway: string): string {
  const lower = gateway.trim().toLowerCase();
  return GATEWAY_SYNONYMS[lower] ?? lower;
}
