import { defineGateway } from "@bridle/core";

/**
 * Z.ai (GLM): bare `glm-…` slugs, reasoning in `delta.reasoning_content`, thinking switched by
 * `thinking: {type}`, usage on the finish chunk, whole tool arguments unless `tool_stream: true`
 * is sent (sent whenever tools are offered, so arguments stream), no `developer` role, no
 * `reasoning_effort`, and an unreliable overflow: code 1261 "Prompt exceeds max length",
 * `model_context_window_exceeded`, or a 200 whose usage is above the window.
 */
export const zai = defineGateway({
  id: "zai",
  name: "Z.ai (GLM)",
  baseURL: "https://api.z.ai/api/paas/v4",
  apiKeyEnv: "ZAI_API_KEY",
  slugs: { style: "bare" },
  request: { drop: ["reasoning_effort"] },
  reasoning: { toggle: { on: { thinking: { type: "enabled" } }, off: { thinking: { type: "disabled" } } } },
  overflow: { patterns: [/model_context_window_exceeded/i, /"code"\s*:\s*"?1261"?|prompt exceeds max length/i], silent: true },
  errors: { rateLimitPatterns: [/high concurrency usage/i, /"code"\s*:\s*"?1302"?/] },
  capabilities: { developerRole: false },
  hooks: {
    wire(wire) {
      const tools = wire.body.tools;
      if (!Array.isArray(tools) || tools.length === 0 || "tool_stream" in wire.body) return wire;
      return { ...wire, body: { ...wire.body, tool_stream: true } };
    },
  },
});

/**
 * Z.ai's GLM Coding Plan: the same API at its own path, billed to the subscription rather than
 * the balance. It is a gateway of its own, not an endpoint of `zai`: a key on one plan is refused
 * by the other, so a session must never be spread or failed over between them. The same
 * `ZAI_API_KEY` variable, bound to the same host.
 */
export const zaiCoding = defineGateway({
  ...zai,
  id: "zai-coding",
  name: "Z.ai GLM Coding Plan",
  baseURL: "https://api.z.ai/api/coding/paas/v4",
});
