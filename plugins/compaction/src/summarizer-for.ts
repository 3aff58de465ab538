import type { ModelTarget, SessionContext } from "@bridle/core";
import { type CompactionEngine, ratioOf } from "./compaction-engine.js";
import type { Summarizer, SummaryContinuation } from "./summarize-history.js";

/**
 * A summarizer for a model on a gateway, sending through the session's side channel
 * (`purpose: "summary"`, which the compaction step lets pass, so a summary never triggers a
 * compaction of its own). Its window and output
 * limit come from the registry for that model on that gateway, not from the session's current model.
 * With `continuation` (the session's own request, for its own model) the summary continues it.
 */
export function summarizerFor(context: SessionContext, target: ModelTarget, engine: CompactionEngine, signal?: AbortSignal, continuation?: SummaryContinuation): Summarizer {
  const limits = context.models.limits(target.model, target.gateway);
  return {
    model: target.model,
    gateway: target.gateway,
    contextWindow: limits.contextWindow,
    maxOutputTokens: limits.maxOutputTokens,
    ratio: ratioOf(engine, target.model),
    complete: (request) => context.complete({ ...request, purpose: "summary" }, signal ? { signal } : undefined),
    ...(continuation ? { continuation } : {}),
  };
}
