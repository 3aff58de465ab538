import type { FeedEvent } from "./feed-event.js";
import type { ResolvedModel } from "./model-ref.js";
import type { ModelRegistry } from "./model-registry.js";

/** What every hook gets about the session it runs in. Grows without breaking taps. */
export interface SessionContext {
  readonly sessionId: string;
  /** The model the session uses now. */
  readonly model: ResolvedModel;
  readonly gateway: string;
  readonly models: ModelRegistry;
  /** Session-scoped state, one entry per plugin that needs memory between turns. */
  readonly state: Map<string, unknown>;
  emit(event: FeedEvent): void;
}

/** What a hook gets about the turn (one request and its retries) in progress. */
export interface TurnContext extends SessionContext {
  /** 1-based turn number in the session. */
  readonly turn: number;
  /** 0 for the first try of a request, 1 for the first retry, … */
  readonly attempt: number;
  readonly signal: AbortSignal;
  /**
   * The previous attempt overflowed the window and `onError` chose to compact and retry: the
   * compaction tap must compact this request whatever its tiers say.
   */
  readonly compactRequested: boolean;
}
