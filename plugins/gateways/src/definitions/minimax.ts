import { defineGateway } from "@bridle/core";

/**
 * MiniMax (OpenAI-compatible API): `MiniMax-M2` style repo names, reasoning as `<think>` inside
 * `content` (split out by the generic splitter), `tool_choice` only `none` or `auto`, and
 * "invalid params, context window exceeds limit".
 */
export const minimax = defineGateway({
  id: "minimax",
  name: "MiniMax",
  baseURL: "https://api.minimax.io/v1",
  apiKeyEnv: "MINIMAX_API_KEY",
  slugs: { style: "hub-name" },
  request: { maxTokensField: "max_tokens" },
  overflow: { patterns: [/context window exceeds limit/i] },
  errors: { authPatterns: [/login fail/i] },
  capabilities: { toolChoice: ["none", "auto"] },
});
