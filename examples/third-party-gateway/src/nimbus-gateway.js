import { defineGateway } from "@bridle/core";

/**
 * Nimbus as Bridle sees it. Declarative where possible; code only for its two quirks:
 * usage arrives under `meta.usage` with cached tokens as `reused_tokens`, and an error body can
 * say `"retry_in_ms": N` instead of sending a Retry-After header.
 *
 * @param {{ baseURL: string; keyVariable: string }} settings
 */
export function nimbusGateway(settings) {
  return defineGateway({
    id: "nimbus",
    name: "Nimbus",
    baseURL: settings.baseURL,
    apiKeyEnv: settings.keyVariable,
    request: { maxTokensField: "max_tokens", drop: ["parallel_tool_calls"] },
    response: { usagePaths: ["meta.usage"], cachedTokenPaths: ["reused_tokens"] },
    overflow: { patterns: [/prompt exceeds the nimbus window of \d+ tokens/i] },
    affinity: { header: "x-nimbus-session" },
    capabilities: { toolChoice: ["auto", "none"] },
    hooks: {
      classifyError(error) {
        const match = /"retry_in_ms"\s*:\s*(\d+)/.exec(error.body);
        if (error.status === 429 && match) return { kind: "rate-limit", retryAfterMs: Number(match[1]) };
        return undefined;
      },
    },
  });
}
