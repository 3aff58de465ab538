import { defineGateway } from "@bridle/core";
import { discoverLmstudio } from "../local/discover-lmstudio.js";
import { ROUTER_ORGS } from "../slug-orgs.js";

/**
 * LM Studio (`lms server`): lower-case `publisher/name` model keys, any key, reasoning as
 * `<think>` in content unless "separate reasoning_content" is on (gpt-oss: `reasoning`), errors
 * as `{"error": "…"}`, "… tokens to keep from the initial prompt is greater than the context
 * length" on overflow; discovery reads the loaded context length.
 */
export const lmstudio = defineGateway({
  id: "lmstudio",
  name: "LM Studio",
  baseURL: "http://localhost:1234/v1",
  local: true,
  // LM Studio's catalog keys drop the active-parameter count and `-instruct` (`qwen/qwen3-coder-30b`).
  slugs: { style: "lower", orgs: ROUTER_ORGS, rewrites: [[/^(qwen3-coder-\d+b)-a\d+b-instruct$/, "$1"]] },
  overflow: { patterns: [/greater than the context length/i] },
  discover: discoverLmstudio,
  unverified: ["error body shape"],
});
