import type { FeedEvent } from "@bridle/core";
import { formatTokens } from "@bridle/core";

/** The numbers a `context.usage` event reports. */
export interface UsageFacts {
  model: string;
  gateway: string;
  /** Calibrated tokens of the next request's prompt. */
  tokens: number;
  contextWindow: number;
  /** The calibration ratio applied (1 when none). */
  ratio: number;
  compactions: number;
  /** Why the update is posted: `model-switch`, `model-switch-during-reconcile`, `calibrated`. */
  cause: string;
}

/**
 * The `context.usage` feed event: how full the window of the current model is. Posted on every
 * model switch (the gauge must show the new window at once) and when a calibration changes.
 */
export function usageEvent(facts: UsageFacts): FeedEvent {
  const percent = facts.contextWindow > 0 ? Math.round((facts.tokens / facts.contextWindow) * 100) : 0;
  return {
    type: "context.usage",
    level: "info",
    message: `context ${formatTokens(facts.tokens)} of ${formatTokens(facts.contextWindow)} (${percent}%) on ${facts.model} @ ${facts.gateway}`,
    data: { ...facts, percent },
  };
}
