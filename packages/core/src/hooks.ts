import {
  AsyncSeriesBailHook,
  AsyncSeriesHook,
  AsyncSeriesWaterfallHook,
  SyncHook,
  SyncWaterfallHook,
} from "tapable";
import type { ChatRequest, ChatResponse } from "./chat.js";
import type { SessionContext, TurnContext } from "./context.js";
import type { HarnessError } from "./errors/harness-error.js";
import type { FeedEvent } from "./feed-event.js";
import type { ModelRef } from "./model-ref.js";
import type { ModelSwitch } from "./model-switch.js";
import type { Recovery } from "./recovery.js";
import type { TextStreamFilter } from "./text-stream-filter.js";
import type { ToolCallEvent } from "./tool-call-event.js";

/** A request to compact the conversation now. */
export interface CompactRequest {
  /** What the summary must keep in particular (the text after `/compact`). */
  focus?: string;
  signal?: AbortSignal;
}

/** What a requested compaction did. */
export interface CompactResult {
  tokensBefore: number;
  tokensAfter: number;
  /** One line for the screen. */
  message: string;
}

/** Extra tap option: the plugin that registered the tap, set by the kernel, used to attribute errors. */
export interface TapAttribution {
  plugin?: string;
}

/**
 * Creates the kernel's hooks. This is the one place they are declared; the order of the keys is
 * the order in which a turn meets them.
 *
 * Rules for taps: async hooks use `tapPromise`; waterfall taps return a new value (never mutate
 * and return nothing); bail taps return `undefined` to pass to the next tap. Taps are ordered by
 * `stage` (see {@link Stage}), then by registration.
 */
export function createHooks() {
  return Object.freeze({
    /**
     * **SyncWaterfallHook<[ModelRef]>** — the single funnel from any model string to a canonical
     * identity. Runs whenever a model string enters Bridle (config, `/model`, a gateway's
     * response, a fallback target). Taps return the ref with `id` canonicalized and `known` set;
     * the ref that comes out is the only key the registry, routing, pricing and telemetry accept.
     * Sync because it sits on hot paths and must not wait on I/O.
     */
    resolveModel: new SyncWaterfallHook<[ModelRef], ModelRef, TapAttribution>(["ref"], "resolveModel"),

    /**
     * **AsyncSeriesWaterfallHook<[ChatRequest, TurnContext]>** — the request about to be sent.
     * Taps return a new request: compaction fits it to the window (COMPACT), routing picks the
     * endpoint and affinity keys (ROUTE), the gateway adapter translates to the wire shape
     * (GATEWAY). The model id stays canonical; the slug is applied by the transport.
     */
    beforeRequest: new AsyncSeriesWaterfallHook<[ChatRequest, TurnContext], ChatRequest, TapAttribution>(
      ["request", "context"],
      "beforeRequest",
    ),

    /**
     * **SyncWaterfallHook<[TextStreamFilter, TurnContext]>** — a request's answer is about to
     * stream. Taps return the filter its visible text passes through before any renderer or
     * `text` event sees it, wrapping the one they were given (`chainTextFilters`): tool-call
     * markup the model leaks into its text is held back as it arrives (REPAIR), since
     * `afterResponse` parses it out of the message. Sync: it runs once per request.
     */
    streamText: new SyncWaterfallHook<[TextStreamFilter, TurnContext], TextStreamFilter, TapAttribution>(["filter", "context"], "streamText"),

    /**
     * **AsyncSeriesWaterfallHook<[ChatResponse, TurnContext]>** — a complete answer, after the
     * stream ended properly. Taps return a new response: reasoning and usage normalized
     * (NORMALIZE), leaked tool-call grammars turned into structured calls (REPAIR), token
     * estimates calibrated against reported usage (OBSERVE).
     */
    afterResponse: new AsyncSeriesWaterfallHook<[ChatResponse, TurnContext], ChatResponse, TapAttribution>(
      ["response", "context"],
      "afterResponse",
    ),

    /**
     * **AsyncSeriesWaterfallHook<[ToolCallEvent, TurnContext]>** — one tool call from the model.
     * Taps return a new event: repair and validate (REPAIR), then permission (DEFAULT). What
     * comes out is either runnable calls or a rejection whose `error` goes back to the model as
     * the tool result.
     */
    onToolCall: new AsyncSeriesWaterfallHook<[ToolCallEvent, TurnContext], ToolCallEvent, TapAttribution>(
      ["event", "context"],
      "onToolCall",
    ),

    /**
     * **AsyncSeriesHook<[ModelSwitch, SessionContext]>** — the session's model or gateway changed
     * (user, fallback or config). Taps recompute limits, reconcile the context (compact in place
     * when the window shrank), re-pin routes. The switch is complete when every tap resolved.
     * Nothing is returned: a switch is a fact, not a proposal.
     */
    onModelSwitch: new AsyncSeriesHook<[ModelSwitch, SessionContext], TapAttribution>(
      ["modelSwitch", "context"],
      "onModelSwitch",
    ),

    /**
     * **AsyncSeriesBailHook<[HarnessError, TurnContext], Recovery>** — a model request failed.
     * The first tap that returns a {@link Recovery} decides (retry, fall back, compact and retry,
     * or fail with a message); taps that only observe or learn return `undefined`. When no tap
     * decides, the error reaches the user as it is.
     */
    onError: new AsyncSeriesBailHook<[HarnessError, TurnContext], Recovery | undefined, TapAttribution>(
      ["error", "context"],
      "onError",
    ),

    /**
     * **AsyncSeriesBailHook<[CompactRequest, SessionContext], CompactResult>** — the user asked
     * to compact now (`/compact [focus]`). The first tap that returns a result did the work;
     * when every tap returns `undefined`, nothing loaded can compact and the caller says so.
     */
    compact: new AsyncSeriesBailHook<[CompactRequest, SessionContext], CompactResult | undefined, TapAttribution>(
      ["request", "context"],
      "compact",
    ),

    /**
     * **SyncHook<[FeedEvent]>** — the feed: what the harness did on the user's behalf. Taps only
     * observe (the CLI prints, the session log records); return values are ignored.
     */
    onEvent: new SyncHook<[FeedEvent], void, TapAttribution>(["event"], "onEvent"),
  });
}

/** The kernel's hooks, which only the kernel calls. */
export type KernelHooks = ReturnType<typeof createHooks>;

export type HookName = keyof KernelHooks;

/** A hook as a plugin sees it: it can tap, never call or intercept. */
export type TapOnlyHook<H> = Omit<H, "call" | "callAsync" | "promise" | "intercept" | "taps" | "interceptors" | "withOptions">;

/** The hooks as a plugin sees them. */
export type PluginHooks = { readonly [K in HookName]: TapOnlyHook<KernelHooks[K]> };
