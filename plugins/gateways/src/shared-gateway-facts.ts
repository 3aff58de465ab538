import type { GatewayDefaults, GatewayDefinition } from "@bridle/core";
import { KIMI_TOOL_CALL_IDS } from "./kimi-tool-call-ids.js";

/**
 * Overflow wordings no single gateway here owns (OpenAI, Bedrock, xAI, Gemini, Copilot, Mistral,
 * proxies), and general phrasings — a limit word near a window word — for gateways nobody has
 * described yet. Throttling texts never count (the 429 and throttling vetoes are core's).
 */
const GENERIC_OVERFLOW: readonly RegExp[] = [
  /context[_ ]length[_ ]exceeded/i,
  /exceeds the context window/i,
  /input is too long for requested model/i,
  /maximum prompt length is \d+/i,
  /input token count.*exceeds the maximum/i,
  /too large for model with \d+ maximum context length/i,
  /exceeds the limit of \d+/i,
  /request entity too large/i,
  /\b(?:exceed(?:s|ed|ing)?|too long|too large|greater than|longer than|larger than|more than|beyond)\b[^.\n]{0,60}\b(?:context|token|input|prompt)[\s_-]*(?:window|length|limit|size)\b/i,
  /\b(?:context|input|prompt)[\s_-]*(?:window|length|size)\b[^.\n]{0,40}\b(?:exceed(?:s|ed)?|too long|too large|overflow(?:ed)?)\b/i,
  /\b(?:prompt|input|request|messages?)\b[^.\n]{0,30}\btoo (?:long|large)\b/i,
];

/** Rate-limit wordings that come with statuses other than 429 too. */
const GENERIC_RATE_LIMIT: readonly RegExp[] = [/rate[ _-]?limit(?:ed)? (?:exceeded|reached)/i, /too many requests/i, /\boverloaded\b/i];

/** Where any gateway may put usage, cached and reasoning tokens, besides the OpenAI places. */
const GENERIC_RESPONSE = {
  reasoningTokenPaths: ["completion_tokens_details.reasoning_tokens", "reasoning_tokens"],
} as const;

/** The lists joined, each value once (patterns compared by source and flags). */
function union<T>(lists: ReadonlyArray<readonly T[] | undefined>): T[] {
  const seen = new Map<string, T>();
  for (const value of lists.flatMap((list) => list ?? [])) {
    const key = value instanceof RegExp ? `${value.source}/${value.flags}` : String(value);
    if (!seen.has(key)) seen.set(key, value);
  }
  return [...seen.values()];
}

/**
 * Facts every gateway may show, as `kernel.gateways.defineDefaults` takes them: each gateway's
 * own usage locations, cached-token names, overflow texts and error wordings, gathered from all
 * definitions, plus the generic ones, and the tool-call id forms model families' templates need
 * (Kimi's `functions.NAME:INDEX`). A config-only gateway in front of any of these engines
 * (a proxy, a new host) is read as well as the known ones.
 */
export function sharedGatewayFacts(definitions: readonly GatewayDefinition[]): GatewayDefaults {
  return {
    response: {
      usagePaths: union(definitions.map((gateway) => gateway.response?.usagePaths)),
      cachedTokenPaths: union(definitions.map((gateway) => gateway.response?.cachedTokenPaths)),
      chunkCachedTokenPaths: union(definitions.map((gateway) => gateway.response?.chunkCachedTokenPaths)),
      reasoningTokenPaths: union([...definitions.map((gateway) => gateway.response?.reasoningTokenPaths), GENERIC_RESPONSE.reasoningTokenPaths]),
    },
    // A bodiless 400 means overflow only where a gateway documents it (Cerebras): not shared.
    overflow: { patterns: union([...definitions.map((gateway) => gateway.overflow?.patterns), GENERIC_OVERFLOW]) },
    errors: {
      rateLimitPatterns: union([...definitions.map((gateway) => gateway.errors?.rateLimitPatterns), GENERIC_RATE_LIMIT]),
      authPatterns: union(definitions.map((gateway) => gateway.errors?.authPatterns)),
      retryablePatterns: union(definitions.map((gateway) => gateway.errors?.retryablePatterns)),
    },
    // A template's id form belongs to the model family wherever it is served; length limits stay the gateway's own.
    toolCallIds: { families: Object.assign({}, ...definitions.map((gateway) => gateway.toolCallIds?.families ?? {}), KIMI_TOOL_CALL_IDS.families) },
  };
}
