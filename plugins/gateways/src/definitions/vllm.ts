import { defineGateway } from "@bridle/core";
import { discoverVllm } from "../local/discover-vllm.js";
import { HUB_ORGS } from "../slug-orgs.js";

/**
 * vLLM OpenAI server: Hugging Face repo ids or `--served-model-name`, reasoning in
 * `delta.reasoning` (renamed from `reasoning_content`, which it still accepts back), cached
 * tokens only with `--enable-prompt-tokens-details`, a small default `max_tokens` (always sent),
 * and `prompt + max_tokens > max_model_len` refused with "maximum context length is N tokens".
 */
export const vllm = defineGateway({
  id: "vllm",
  name: "vLLM",
  baseURL: "http://localhost:8000/v1",
  apiKeyEnv: "VLLM_API_KEY",
  local: true,
  slugs: { style: "hub", orgs: HUB_ORGS },
  reasoning: { effort: { field: "reasoning_effort" } },
  discover: discoverVllm,
});
