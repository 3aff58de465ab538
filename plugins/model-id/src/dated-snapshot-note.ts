import type { FeedEvent, ModelLimits } from "@bridle/core";

/** The feed note for a dated snapshot that inherited a known model's limits: says which, and how to set its own. */
export function datedSnapshotNote(model: { id: string; snapshotOf: string }, gateway: string, limits: ModelLimits): FeedEvent {
  return {
    type: "model.snapshot",
    level: "info",
    source: "model-id",
    message:
      `"${model.id}" is a dated snapshot the model list does not describe: using the limits of ${model.snapshotOf} ` +
      `(window ${limits.contextWindow.toLocaleString("en-US")}, max output ${limits.maxOutputTokens.toLocaleString("en-US")}) on ${gateway}. ` +
      `Set its own with plugins["model-id"].models["${model.id}"] in your config.`,
    data: { model: model.id, snapshotOf: model.snapshotOf, gateway, contextWindow: limits.contextWindow, maxOutputTokens: limits.maxOutputTokens },
  };
}
