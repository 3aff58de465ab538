import { defineGateway } from "@bridle/core";

/**
 * Vercel AI Gateway (OpenAI-compatible `/v1`): `vendor/model` slugs with its own vendor names
 * (`alibaba/qwen3-coder`, `zai/glm-4.6`), tool arguments streamed after an empty first delta,
 * the upstream's errors passed through, and (like OpenRouter in front of OpenAI) OpenAI's
 * 40-character limit on tool-call ids.
 */
export const vercel = defineGateway({
  id: "vercel",
  name: "Vercel AI Gateway",
  baseURL: "https://ai-gateway.vercel.sh/v1",
  apiKeyEnv: "AI_GATEWAY_API_KEY",
  apiKeyEnvAlternatives: ["VERCEL_AI_GATEWAY_API_KEY"],
  slugs: {
    style: "lower",
    orgs: { deepseek: "deepseek", kimi: "moonshotai", glm: "zai", qwen: "alibaba", minimax: "minimax", llama: "meta", mistral: "mistral", "gpt-oss": "openai" },
    rewrites: [
      [/^(llama-[\d.]+-\d+b)(?:-vision)?-instruct$/, "$1"],
      [/^qwen3-coder-480b-a35b-instruct$/, "qwen3-coder"],
      [/^kimi-k2-instruct-(\d{4})$/, "kimi-k2-$1"],
    ],
    fixed: { "deepseek-v3-0324": "deepseek/deepseek-v3" },
  },
  toolCallIds: { maxLength: 40 },
  unverified: ["reasoning field on /v1 (reasoning + reasoning_details)", "overflow text (the upstream's)", "tool-call id limit (OpenAI's, for OpenAI upstreams)"],
});
