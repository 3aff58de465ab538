import type { Agent, CanonicalModelId, ContextBreakdown, Kernel, ModelLimits, TokenCounter } from "@bridle/core";

/** What the next request would hold, counted locally, and the window it must fit. */
export interface ContextMeasure {
  model: string;
  gateway: string;
  breakdown: ContextBreakdown;
  /** Output tokens the next request reserves (its `maxOutputTokens`). */
  reservedOutput: number;
  limits: ModelLimits;
}

/**
 * Counts the agent's next base request (system prompt, tools, messages, tool results) and looks
 * up the window of the current model on the current gateway. The counter caches per message, so
 * calling this on every redraw costs only the messages added since the last call.
 */
export function measureContext(agent: Agent, kernel: Pick<Kernel, "models">, counter: TokenCounter): ContextMeasure {
  const request = agent.baseRequest();
  return {
    model: agent.model.id,
    gateway: agent.gateway,
    breakdown: counter.breakdown(request),
    reservedOutput: request.maxOutputTokens,
    limits: kernel.models.limits(agent.model.id as CanonicalModelId, agent.gateway),
  };
}
