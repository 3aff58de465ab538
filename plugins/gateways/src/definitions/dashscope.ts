import { defineGateway } from "@bridle/core";

/**
 * Alibaba DashScope / Model Studio (international compatible mode): bare `qwen3-…` slugs,
 * reasoning in `delta.reasoning_content` switched by `enable_thinking`, cached tokens in
 * `prompt_tokens_details` (explicit caching adds `cache_creation_input_tokens`), and
 * "<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, N]".
 */
export const dashscope = defineGateway({
  id: "dashscope",
  name: "Alibaba DashScope",
  baseURL: "https://dashscope-intl.aliyuncs.com/compatible-mode/v1",
  apiKeyEnv: "DASHSCOPE_API_KEY",
  apiKeyEnvAlternatives: ["ALIBABA_API_KEY"],
  slugs: { style: "bare" },
  reasoning: { toggle: { on: { enable_thinking: true }, off: { enable_thinking: false } } },
  overflow: { patterns: [/range of input length should be \[1, ?\d+\]/i] },
});
