import { defineGateway } from "@bridle/core";
import { discoverSglang } from "../local/discover-sglang.js";
import { HUB_ORGS } from "../slug-orgs.js";

/**
 * SGLang server: Hugging Face repo ids, reasoning in `delta.reasoning_content` (with
 * `--reasoning-parser`), cached tokens only with `--enable-cache-report`, flat
 * `{"object":"error","message":…}` error bodies, and "The input (N tokens) is longer than the
 * model's context length (M tokens)." / "Requested token count exceeds the model's maximum
 * context length of M tokens" / (older) "exceeds the maximum allowed length (M tokens)".
 */
export const sglang = defineGateway({
  id: "sglang",
  name: "SGLang",
  baseURL: "http://localhost:30000/v1",
  apiKeyEnv: "SGLANG_API_KEY",
  local: true,
  slugs: { style: "hub", orgs: HUB_ORGS },
  overflow: {
    patterns: [
      /is longer than the model'?s context length/i,
      /exceeds the model'?s maximum context length/i,
      /input length .*exceeds .*maximum.*(context )?length/i,
      /exceeds the maximum allowed (input )?length/i,
    ],
  },
  discover: discoverSglang,
  unverified: ["default port 30000", "SGLANG_API_KEY variable name"],
});
