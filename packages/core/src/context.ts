import type { ChatMessage, ChatRequest, ChatResponse, ToolDefinition } from "./chat.js";
import type { FeedEvent } from "./feed-event.js";
import type { ResolvedModel } from "./model-ref.js";
import type { ModelLimits, ModelRegistry } from "./model-registry.js";
import type { TokenCounter } from "./tokens/token-counter.js";

/** What a compaction did, recorded in the session log and shown in the feed. */
export interface CompactionInfo {
  /** Why it ran: `tier1`, `tier3`, `model-switch`, `overflow`, `manual`, … */
  reason: string;
  tokensBefore: number;
  tokensAfter: number;
}

/** The session's conversation (system prompt excluded), which compaction may replace. */
export interface ConversationAccess {
  /**
   * The messages as they stand, oldest first: a snapshot that later appends do not change (a new
   * message makes a new array), so a compaction can tell what arrived while it worked.
   */
  messages(): readonly ChatMessage[];
  /**
   * Replaces the conversation in place: the old messages stay in the session log, a compaction
   * record is appended, and the feed says what happened. `basis` is the snapshot the replacement
   * was computed from: messages appended since (a prompt typed while a summary was written) are
   * kept after `messages`, so a compaction never loses one. Returns false, changing nothing, when
   * the conversation no longer continues `basis` (another compaction replaced it meanwhile).
   */
  replace(messages: ChatMessage[], info: CompactionInfo, basis?: readonly ChatMessage[]): boolean;
}

/** Where a session may be served, in the configured order: `"gateway": [...]` and `"fallbackModels"`. */
export interface SessionRoute {
  /** Gateways for the session's model, first choice first (the session's own gateway when one). */
  readonly gateways: readonly string[];
  /** Models to try, in order, once every gateway failed for the configured model. */
  readonly fallbackModels: readonly string[];
}

/** What every hook gets about the session it runs in. Grows without breaking taps. */
export interface SessionContext {
  readonly sessionId: string;
  /** The model the session uses now. */
  readonly model: ResolvedModel;
  readonly gateway: string;
  /** The configured gateway order and fallback models. */
  readonly route: SessionRoute;
  readonly models: ModelRegistry;
  /** Session-scoped state, one entry per plugin that needs memory between turns. */
  readonly state: Map<string, unknown>;
  /**
   * What plugins kept with {@link save}, by key: in a resumed session, the latest values from its
   * log (so a plugin starts where it left off); empty in a new one.
   */
  readonly saved: ReadonlyMap<string, unknown>;
  /**
   * Keeps `value` (JSON) under `key` in the session log, so a resumed session starts with it in
   * {@link saved}. The latest value per key wins; keys are the plugin's name.
   */
  save(key: string, value: unknown): void;
  /** The session's token counter: counts are cached per message across turns. */
  readonly tokens: TokenCounter;
  readonly conversation: ConversationAccess;
  /** Limits of the current model on the current gateway. */
  limits(): ModelLimits;
  /**
   * Sends a side request (a summary, a title) through `beforeRequest`, with `purpose` set
   * (`summary` when absent), then the transport. Taps that only fit turns skip other purposes,
   * so a compaction never triggers itself.
   */
  complete(request: ChatRequest, options?: { signal?: AbortSignal }): Promise<ChatResponse>;
  emit(event: FeedEvent): void;
}

/** What a hook gets about the turn (one request and its retries) in progress. */
export interface TurnContext extends SessionContext {
  /** 1-based turn number in the session. */
  readonly turn: number;
  /** 0 for the first try of a request, 1 for the first retry, … */
  readonly attempt: number;
  readonly signal: AbortSignal;
  /** The tools offered in this turn's requests, as the model sees them. */
  readonly tools: readonly ToolDefinition[];
  /**
   * The previous attempt overflowed the window and `onError` chose to compact and retry: the
   * compaction tap must compact this request whatever its tiers say.
   */
  readonly compactRequested: boolean;
}
