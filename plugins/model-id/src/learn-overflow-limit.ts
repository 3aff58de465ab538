import type { CanonicalModelId, FeedEvent, HarnessError, ModelRegistry } from "@bridle/core";
import { parseOverflowLimit } from "./parse-overflow-limit.js";

/**
 * When a failed request's error text states the real window ("maximum context length is 131072
 * tokens"), records it for that model on that gateway and returns the feed event to post.
 * Returns `undefined` when the text states no window or the registry already had that window.
 */
export function learnOverflowLimit(error: HarnessError, registry: ModelRegistry): FeedEvent | undefined {
  const limit = parseOverflowLimit(`${error.message}\n${error.body ?? ""}`);
  if (limit === undefined) return undefined;
  // The error carries the canonical id of the request that failed; it went through the funnel.
  const model = error.model as CanonicalModelId;
  const before = registry.limits(model, error.gateway);
  if (before.contextWindow === limit) return undefined;
  registry.learn(model, error.gateway, limit);
  return {
    type: "model.window-learned",
    level: "info",
    source: "model-id",
    message: `${error.gateway} serves ${error.model} with a ${limit.toLocaleString("en-US")}-token window (was ${before.contextWindow.toLocaleString("en-US")}, ${before.source}); using that from now on.`,
    data: { model: error.model, gateway: error.gateway, contextWindow: limit, previous: before.contextWindow, previousSource: before.source },
  };
}
