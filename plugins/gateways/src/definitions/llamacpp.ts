import { defineGateway } from "@bridle/core";
import { discoverLlamacpp } from "../local/discover-llamacpp.js";

/**
 * llama.cpp `llama-server`: the model name is ignored, reasoning in `delta.reasoning_content`
 * (with `--reasoning-format`), 32-character tool-call ids, cached prompt tokens only in
 * `timings.cache_n`, and `exceed_context_size_error` "request (N tokens) exceeds the available
 * context size (M tokens)" (older: "… try increasing it").
 */
export const llamacpp = defineGateway({
  id: "llamacpp",
  name: "llama.cpp server",
  baseURL: "http://localhost:8080/v1",
  apiKeyEnv: "LLAMA_API_KEY",
  local: true,
  slugs: { style: "bare" },
  response: { chunkCachedTokenPaths: ["timings.cache_n"] },
  overflow: { patterns: [/exceeds the available context size/i, /exceed_context_size_error/i] },
  discover: discoverLlamacpp,
  unverified: ["LLAMA_API_KEY variable name"],
});
