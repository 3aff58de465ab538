import {
  AsyncSeriesBailHook,
  AsyncSeriesHook,
  AsyncSeriesWaterfallHook,
  HookMap,
  SyncBailHook,
  SyncHook,
  SyncWaterfallHook,
} from "tapable";
import type { ChatRequest, ChatResponse } from "./chat.js";
import type { SessionContext, TurnContext } from "./context.js";
import type { HarnessError } from "./errors/harness-error.js";
import type { ErrorClassification, WireContext, WireError, WireRequest } from "./gateways/gateway-definition.js";
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
     * identity. Runs whenever a model string enters Bridle (config, `/model`, a fallback target).
     * Taps return the ref with `id` canonicalized and `known` set: model-id (NORMALIZE). The ref
     * that comes out is the only key the model registry accepts. Sync because it sits on hot
     * paths and must not wait on I/O.
     */
    resolveModel: new SyncWaterfallHook<[ModelRef], ModelRef, TapAttribution>(["ref"], "resolveModel"),

    /**
     * **AsyncSeriesWaterfallHook<[ChatRequest, TurnContext]>** — a request about to be sent: a
     * turn's, or a side request (`purpose` says which: `turn`, `summary`, …). Taps return a new
     * request: compaction fits a turn to the window (COMPACT), tool-repair shapes tool schemas
     * for the gateway (GATEWAY), model-id warns once about an unknown model (OBSERVE).
     * `endpoint` and `affinityKey` are the fields for choosing where a request goes: cache-routing
     * sets them and puts the tools in a stable order (ROUTE).
     * `model` and `gateway` are read-only here (a tap that changes them fails); the transport
     * turns the result into the gateway's wire shape.
     */
    beforeRequest: new AsyncSeriesWaterfallHook<[ChatRequest, TurnContext], ChatRequest, TapAttribution>(
      ["request", "context"],
      "beforeRequest",
    ),

    /**
     * **HookMap<SyncWaterfallHook<[WireRequest, WireContext]>>**, keyed by gateway id — the final
     * wire body and headers of a request to that gateway, after its definition shaped them
     * (slug, output-limit name, reasoning replay, negotiated fields). Taps return a new wire
     * request: `kernel.hooks.wire.for("acme").tap(…)`. The default preset taps none (gateway
     * definitions shape their own requests). Sync because it runs on every request.
     */
    wire: new HookMap(() => new SyncWaterfallHook<[WireRequest, WireContext], WireRequest, TapAttribution>(["wire", "context"], "wire"), "wire"),

    /**
     * **HookMap<SyncBailHook<[WireError, WireContext], ErrorClassification>>**, keyed by gateway
     * id — what an error answer from that gateway means. The first tap that returns a
     * classification decides; when none does, the gateway's definition and the generic rules do.
     * The default preset taps none.
     */
    classifyError: new HookMap(
      () => new SyncBailHook<[WireError, WireContext], ErrorClassification | undefined, TapAttribution>(["error", "context"], "classifyError"),
      "classifyError",
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
     * stream ended properly, with reasoning and usage already normalized by the transport. Taps
     * return a new response: tool-repair turns leaked tool-call grammars into structured calls
     * (REPAIR), compaction calibrates its token estimates against reported usage and cache-routing
     * reads the turn's cached share (OBSERVE).
     */
    afterResponse: new AsyncSeriesWaterfallHook<[ChatResponse, TurnContext], ChatResponse, TapAttribution>(
      ["response", "context"],
      "afterResponse",
    ),

    /**
     * **AsyncSeriesWaterfallHook<[ToolCallEvent, TurnContext]>** — one tool call from the model.
     * Taps return a new event: tool-repair repairs and validates it (REPAIR). What comes out is
     * either runnable calls or a rejection whose `error` goes back to the model as the tool
     * result; the agent asks for permission afterwards.
     */
    onToolCall: new AsyncSeriesWaterfallHook<[ToolCallEvent, TurnContext], ToolCallEvent, TapAttribution>(
      ["event", "context"],
      "onToolCall",
    ),

    /**
     * **AsyncSeriesHook<[ModelSwitch, SessionContext]>** — the session's model or gateway changed
     * (user, fallback or config). Taps: compaction reconciles the context, compacting in place
     * when the window shrank (COMPACT); model-id warns about an unknown model (OBSERVE). The
     * switch is complete when every tap resolved. Nothing is returned: a switch is a fact.
     */
    onModelSwitch: new AsyncSeriesHook<[ModelSwitch, SessionContext], TapAttribution>(
      ["modelSwitch", "context"],
      "onModelSwitch",
    ),

    /**
     * **AsyncSeriesBailHook<[HarnessError, TurnContext], Recovery>** — a model request failed.
     * The first tap that returns a {@link Recovery} decides (retry, fall back, compact and retry,
     * or fail with a message); taps that only observe or learn return `undefined`: model-id
     * learns a window an overflow error states (NORMALIZE), compaction answers an overflow with
     * compact-and-retry once (COMPACT). When no tap decides, the error reaches the user as it is.
     * A rejected field or a demand for past reasoning never gets here the first time: the
     * transport negotiates it once itself.
     */
    onError: new AsyncSeriesBailHook<[HarnessError, TurnContext], Recovery | undefined, TapAttribution>(
      ["error", "context"],
      "onError",
    ),

    /**
     * **AsyncSeriesBailHook<[CompactRequest, SessionContext], CompactResult>** — the user asked
     * to compact now (`/compact [focus]`); compaction taps it. The first tap that returns a result did the work;
     * when every tap returns `undefined`, nothing loaded can compact and the caller says so.
     */
    compact: new AsyncSeriesBailHook<[CompactRequest, SessionContext], CompactResult | undefined, TapAttribution>(
      ["request", "context"],
      "compact",
    ),

    /**
     * **SyncHook<[FeedEvent]>** — the feed: what the harness did on the user's behalf. Taps only
     * observe (the agent records each event in the session log and shows it; cache-routing learns
     * from `breaker.*` events which endpoints are out); return values are ignored.
     */
    onEvent: new SyncHook<[FeedEvent], void, TapAttribution>(["event"], "onEvent"),
  });
}

/** The kernel's hooks, which only the kernel calls. */
export type KernelHooks = ReturnType<typeof createHooks>;

export type HookName = keyof KernelHooks;

/** A hook as a plugin sees it: it can tap, never call or intercept. */
export type TapOnlyHook<H> = Omit<H, "call" | "callAsync" | "promise" | "intercept" | "taps" | "interceptors" | "withOptions">;

/** A hook map as a plugin sees it: `for(key)` gives that key's tap-only hook. */
export interface TapOnlyHookMap<H> {
  readonly name: string | undefined;
  for(key: string): TapOnlyHook<H>;
}

/** The hooks as a plugin sees them. */
export type PluginHooks = {
  readonly [K in HookName]: KernelHooks[K] extends HookMap<infer H> ? TapOnlyHookMap<H> : TapOnlyHook<KernelHooks[K]>;
};
