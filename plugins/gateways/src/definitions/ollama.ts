import { defineGateway } from "@bridle/core";
import { discoverOllama } from "../local/discover-ollama.js";

/**
 * Ollama (`/v1`): `name:tag` slugs, no key, reasoning in `delta.reasoning`, effort as
 * `reasoning_effort` (`none` turns thinking off), no `store`, no cached-token report, and
 * silent truncation at the running context length (the request's `num_ctx` is ignored on
 * `/v1`), so discovery finds that length; with `truncate: false` or the newer engine it says
 * "prompt too long; exceeded max context length by N tokens" or llama.cpp's
 * `exceed_context_size_error`. `OLLAMA_HOST` points it elsewhere, as for the `ollama` CLI.
 */
export const ollama = defineGateway({
  id: "ollama",
  name: "Ollama",
  baseURL: "http://localhost:11434/v1",
  baseURLEnv: "OLLAMA_HOST",
  baseURLEnvPath: "/v1",
  local: true,
  slugs: {
    style: "bare",
    rewrites: [
      [/^llama-([\d.]+)-(\d+b)-instruct$/, "llama$1:$2"],
      [/^(mistral-small)-([\d.]+)-(\d+b)-.*$/, "$1$2:$3"],
      [/^(qwen3-vl|qwen3-next)-(\d+b)-a\d+b-(instruct|thinking)$/, "$1:$2-$3"],
      [/^(qwen3-coder|qwen3|qwen3\.\d|qwen3-vl|qwen3-next)-(\d+b)(?:-a\d+b)?(?:-instruct)?$/, "$1:$2"],
      [/^gpt-oss-(\d+b)$/, "gpt-oss:$1"],
    ],
  },
  request: { drop: ["store"] },
  reasoning: { effort: { field: "reasoning_effort" }, toggle: { on: {}, off: { reasoning_effort: "none" } } },
  overflow: { patterns: [/exceeded max context length by \d+ tokens/i, /exceeds the available context size/i, /exceed_context_size_error/i] },
  discover: discoverOllama,
});
