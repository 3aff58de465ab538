/**
 * Where a gateway streams the model's reasoning: one delta field, `both` (`reasoning_content`
 * and `reasoning` with the same text, as Chutes does), or `<think>` tags inside `content`.
 */
export type ReasoningPlacement = "reasoning_content" | "reasoning" | "reasoning_text" | "both" | "think-tags";

/**
 * Where streamed usage arrives: a trailing chunk with `choices: []`; on the chunk that carries
 * `finish_reason`; on a final chunk that repeats `finish_reason` (OpenRouter); or inside
 * `choices[0].usage` of the finish chunk (Moonshot).
 */
export type UsagePlacement = "trailing-chunk" | "finish-chunk" | "repeat-finish-chunk" | "choice-usage";

/**
 * How cached prompt tokens are reported: `prompt_tokens_details.cached_tokens`; a top-level
 * `usage.cached_tokens`; DeepSeek's `prompt_cache_hit_tokens`/`prompt_cache_miss_tokens` (with
 * the details field too); llama.cpp's `timings.cache_n`; or not at all.
 */
export type CachedTokensShape = "prompt-details" | "top-level" | "deepseek" | "llamacpp-timings" | "none";

/** Whether tool-call arguments arrive in one chunk or as deltas after an empty first one. */
export type ToolArgumentStreaming = "whole" | "deltas";

/**
 * Tool-call id format: `call_` + 24 random characters; Kimi's `functions.NAME:N` with a
 * conversation-wide index; Z.ai's `call_` + 24 hex; llama.cpp's 32 random alphanumerics; or
 * chosen by the model family (Kimi models get Kimi ids, others `call_…`).
 */
export type ToolCallIdStyle = "call-random" | "kimi-functions" | "zai-hex" | "llamacpp-random" | "model-family";

/** Which output-limit parameter a gateway reads; the other one is ignored. */
export type MaxTokensParam = "max_tokens" | "max_completion_tokens" | "either";

/**
 * What happens when the prompt does not fit: the gateway's overflow error; a silent truncation
 * that still answers 200 with the prompt cut to the window (Ollama); or a 200 whose usage shows
 * more prompt tokens than the window (Z.ai).
 */
export type OverflowMode = "error" | "truncate" | "silent";

/** Whether the window check counts the prompt alone or the prompt plus the requested output. */
export type OverflowCounts = "prompt" | "prompt-and-output";

/** A request field that carries a session affinity key the gateway honours. */
export interface AffinitySource {
  /** `body`: a top-level JSON field; `header`: an HTTP request header (case-insensitive). */
  readonly in: "body" | "header";
  readonly name: string;
}

/** Families decide defaults such as the tool-call id format. */
export type ModelFamily = "kimi" | "qwen" | "glm" | "deepseek" | "gpt-oss" | "minimax" | "llama" | "other";

/** A model a gateway serves, under that gateway's slug. */
export interface SimModel {
  readonly slug: string;
  readonly contextWindow: number;
  readonly maxOutputTokens?: number | undefined;
  /** A reasoning model: the fallback reply includes reasoning. */
  readonly reasoning?: boolean | undefined;
  readonly family?: ModelFamily | undefined;
  /**
   * The window the weights were trained for, when the server runs the model with a smaller one
   * (`contextWindow`): Ollama's `num_ctx`, LM Studio's loaded context length.
   */
  readonly trainedContextWindow?: number | undefined;
  /** Loaded in memory now (local servers list loaded models apart); defaults to true. */
  readonly loaded?: boolean | undefined;
}

/** An HTTP error response as a gateway sends it. */
export interface GatewayErrorResponse {
  readonly status: number;
  readonly headers?: Readonly<Record<string, string>> | undefined;
  /** A JSON value, or a string sent verbatim. */
  readonly body: unknown;
  /** Defaults to `application/json` for JSON bodies and `text/plain` for strings. */
  readonly contentType?: string | undefined;
}

/** Numbers behind a context-overflow error. */
export interface OverflowContext {
  readonly slug: string;
  readonly contextWindow: number;
  readonly promptTokens: number;
  /** The output limit the request asked for (0 when it named none). */
  readonly outputTokens: number;
}

/** Values behind a rate-limit (429) response. */
export interface RateLimitContext {
  readonly slug: string;
  readonly retryAfterSeconds?: number | undefined;
  readonly retryAfterMs?: number | undefined;
  readonly message?: string | undefined;
}

/** The error bodies a gateway returns, each in that gateway's own shape and wording. */
export interface GatewayErrorBodies {
  /** `presentedKey` is the key the client sent, if any (some gateways quote its last characters). */
  unauthorized(presentedKey: string | undefined): GatewayErrorResponse;
  unknownModel(slug: string): GatewayErrorResponse;
  badRequest(message: string, param?: string): GatewayErrorResponse;
  overflow(context: OverflowContext): GatewayErrorResponse;
  rateLimit(context: RateLimitContext): GatewayErrorResponse;
  serverError(status: number, message?: string): GatewayErrorResponse;
  /** The body of an error event sent inside an already started stream. */
  streamError(message: string, status: number): unknown;
}

/** Token numbers a usage object is built from. */
export interface UsageNumbers {
  readonly promptTokens: number;
  readonly completionTokens: number;
  readonly reasoningTokens: number;
  readonly cachedTokens: number;
}

/** What a chunk or completion decorator knows about the request being answered. */
export interface ResponseContext {
  readonly slug: string;
  readonly node: number;
  readonly nodeName: string;
  readonly completionId: string;
  readonly usage: UsageNumbers;
}

/** What a server endpoint handler is given. */
export interface ServerEndpointRequest {
  readonly method: string;
  /** The parsed JSON body (`undefined` when there is none or it is not JSON). */
  readonly body: unknown;
  readonly query: URLSearchParams;
  readonly models: readonly SimModel[];
}

/**
 * A server-specific endpoint beside the OpenAI API, relative to the server root (the part of
 * the base URL before `/v1`): Ollama's `api/tags`, llama.cpp's `props`, SGLang's
 * `get_model_info`. It answers with a status and a JSON body (a string is sent verbatim).
 */
export interface ServerEndpoint {
  readonly method: "GET" | "POST";
  readonly path: string;
  readonly respond: (request: ServerEndpointRequest) => GatewayErrorResponse;
}

/**
 * Everything that makes one gateway behave like itself. Built-in profiles live in `profiles/`;
 * `resolveGatewayProfile` applies per-test overrides on top of them.
 */
export interface GatewayProfile {
  readonly name: string;
  readonly displayName: string;
  readonly models: readonly SimModel[];
  /** The server ignores the model name and serves its one model (llama.cpp). */
  readonly acceptsAnyModel: boolean;
  /** The key a client must send as `Authorization: Bearer …`; `null` accepts any key or none. */
  readonly apiKey: string | null;
  readonly nodes: number;
  /** Names reported for nodes (OpenRouter's upstream `provider` field). */
  readonly nodeNames: readonly string[];
  readonly cacheCapacityTokens: number;
  readonly cacheBlockTokens: number;
  /** Cached prefixes shorter than this are reported as 0. */
  readonly minCachedTokens: number;
  /** Whether cached tokens are reported at all (vLLM needs `--enable-prompt-tokens-details`). */
  readonly reportsCachedTokens: boolean;
  readonly affinity: readonly AffinitySource[];
  readonly reasoning: ReasoningPlacement;
  /** Also send OpenRouter-style `reasoning_details[]`. */
  readonly reasoningDetails: boolean;
  readonly usagePlacement: UsagePlacement;
  /** Streamed usage is sent even without `stream_options.include_usage`. */
  readonly usageWithoutIncludeUsage: boolean;
  readonly cachedTokens: CachedTokensShape;
  readonly toolArguments: ToolArgumentStreaming;
  /** A boolean request field that switches tool arguments to deltas (Z.ai `tool_stream`). */
  readonly toolStreamField: string | undefined;
  readonly toolCallIds: ToolCallIdStyle;
  /** Longest tool-call id taken back (OpenAI's 40, enforced by routers in front of it); longer ones get 400. */
  readonly toolCallIdMaxLength: number | undefined;
  /**
   * Refuse, as OpenAI's own validator does, an id two calls share, a tool message answering no
   * open call, a call left without its result, and message keys the API does not know.
   */
  readonly strictToolCalls: boolean;
  readonly maxTokensParam: MaxTokensParam;
  readonly overflowMode: OverflowMode;
  readonly overflowCounts: OverflowCounts;
  readonly latency: { readonly firstByteMs: number; readonly chunkMs: number };
  readonly errors: GatewayErrorBodies;
  /** Request fields the gateway refuses, checked after the model is resolved. */
  readonly rejectRequest: (body: Readonly<Record<string, unknown>>, model: SimModel) => GatewayErrorResponse | undefined;
  /** Adds gateway-specific fields to a usage object. */
  readonly decorateUsage: (usage: Record<string, unknown>, numbers: UsageNumbers) => void;
  /**
   * Adds gateway-specific fields to each stream chunk: `first` and `finish` mark the first and
   * the `finish_reason` chunk, `usageSent` says whether this stream carries usage at all.
   */
  readonly decorateChunk: (chunk: Record<string, unknown>, context: ResponseContext, position: { first: boolean; finish: boolean; usageSent: boolean }) => void;
  /** Adds gateway-specific fields to a non-streaming completion. */
  readonly decorateCompletion: (completion: Record<string, unknown>, context: ResponseContext) => void;
  /** Extra response headers of a successful reply. */
  readonly responseHeaders: (context: ResponseContext) => Record<string, string>;
  /** The body of `GET /v1/models`. */
  readonly modelList: (models: readonly SimModel[]) => unknown;
  /** Endpoints beside `/v1` (local servers' model and window discovery). */
  readonly serverEndpoints: readonly ServerEndpoint[];
  /** A completion id in the gateway's format. */
  readonly completionId: (sequence: number, random: () => number) => string;
}

/** The delta or message fields a reasoning placement writes (none for `<think>` tags). */
export function reasoningFields(placement: ReasoningPlacement): readonly string[] {
  if (placement === "think-tags") return [];
  if (placement === "both") return ["reasoning_content", "reasoning"];
  return [placement];
}
