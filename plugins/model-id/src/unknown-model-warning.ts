import { DEFAULT_LIMITS, type FeedEvent } from "@bridle/core";

/**
 * The feed warning for a model the registry does not describe: names the id, the window it gets
 * instead, and the config key that sets its real window.
 */
export function unknownModelWarning(model: { id: string; input: string }, gateway: string): FeedEvent {
  const spelled = model.input === model.id ? `"${model.id}"` : `"${model.id}" (from "${model.input}")`;
  return {
    type: "model.unknown",
    level: "warn",
    source: "model-id",
    message:
      `Unknown model ${spelled} on ${gateway}: using a conservative ${DEFAULT_LIMITS.contextWindow.toLocaleString("en-US")}-token window. ` +
      `Set its window with plugins["model-id"].models["${model.id}"].contextWindow in your config.`,
    data: { model: model.id, input: model.input, gateway, contextWindow: DEFAULT_LIMITS.contextWindow },
  };
}
