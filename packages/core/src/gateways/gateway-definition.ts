import type { StatedOverflow } from "./stated-overflow.js";
import type { ChatRequest } from "../chat.js";
import type { ModelInfo, ReasoningReplay } from "../model-registry.js";

/**
 * Everything Bridle knows about one OpenAI-compatible gateway, as data a plugin defines with
 * `defineGateway`. Only `id`, `name` and `baseURL` are required: every other part has a generic
 * OpenAI-compatible default. Code (`hooks`, `slug`, `discover`) is for real quirks only.
 */
export interface GatewayDefinition {
  /** Stable kebab-case id used in config (`gateway: "acme"`) and in per-gateway registry entries. */
  id: string;
  /** Display name. */
  name: string;
  /** Base URL of the API. `{NAME}` placeholders are filled from the environment (an account id). */
  baseURL: string;
  /** Environment variable holding the key; absent for servers that need none. */
  apiKeyEnv?: string;
  /** Further variables tried, in order, when `apiKeyEnv` is not set. */
  apiKeyEnvAlternatives?: readonly string[];
  /** Environment variable that, when set, replaces `baseURL` (a local server elsewhere). */
  baseURLEnv?: string;
  /** Path added to the `baseURLEnv` value when it has none (`/v1` for a variable holding `host:port`). */
  baseURLEnvPath?: string;
  /** Runs on the user's machine: no key needed. */
  local?: boolean;
  /** Other endpoints of the same gateway (regions, nodes); the key goes to these hosts too. */
  endpoints?: readonly GatewayEndpoint[];
  /** How canonical ids are spelled on this gateway, as data the model-id plugin interprets. */
  slugs?: GatewaySlugStyle;
  /** Code for slugs no data can express; `undefined` passes to the generic rule. */
  slug?: (id: string, model: ModelInfo | undefined) => string | undefined;
  request?: RequestShape;
  response?: ResponseShape;
  reasoning?: ReasoningShape;
  toolCallIds?: ToolCallIdPolicy;
  overflow?: OverflowShape;
  errors?: ErrorShape;
  capabilities?: GatewayCapabilities;
  /** How the gateway keeps a session on one cache: a body field, a header, or both. */
  affinity?: AffinityMechanism;
  /** Names of facts above that no source confirmed, shown by `bridle gateways`. */
  unverified?: readonly string[];
  hooks?: GatewayHooks;
  /** Lists the models a (local) server serves and the window each actually runs with. */
  discover?: (endpoint: GatewayEndpoint, fetch: typeof globalThis.fetch, signal: AbortSignal) => Promise<DiscoveredModel[]>;
}

/** One base URL of a gateway. A request carries the one chosen at `ROUTE`. */
export interface GatewayEndpoint {
  /** Unique within the gateway; the gateway's own `baseURL` is the endpoint with the gateway's id. */
  id: string;
  baseURL: string;
}

/**
 * Slug conventions: `hub` = Hugging Face repo id (`Qwen/Qwen3-Coder-480B-A35B-Instruct`),
 * `lower` = canonical id behind a lower-case org, `bare` = the canonical id alone, `hub-name` =
 * the repo name without its org. `orgs` maps a model family to its org, `prefix` is a routing
 * path in front, `dotAs` how a version dot is written, `rewrites` apply in order before the org
 * is added, `fixed` lists slugs that follow no rule (keyed by canonical id).
 */
export interface GatewaySlugStyle {
  style: "hub" | "lower" | "bare" | "hub-name";
  orgs?: Readonly<Record<string, string>>;
  prefix?: string;
  dotAs?: string;
  rewrites?: ReadonlyArray<readonly [RegExp, string]>;
  fixed?: Readonly<Record<string, string>>;
}

/** How the wire body is built. */
export interface RequestShape {
  /** Name of the output limit; `max_tokens` by default. */
  maxTokensField?: "max_tokens" | "max_completion_tokens";
  /** Send `stream_options: { include_usage: true }`; true by default. */
  streamUsage?: boolean;
  /** Top-level body fields never sent to this gateway. */
  drop?: readonly string[];
  /** Constant body fields always sent (`context_length_exceeded_behavior: "error"`). */
  body?: Readonly<Record<string, unknown>>;
  /** Constant headers always sent (never a key). */
  headers?: Readonly<Record<string, string>>;
}

/** How reasoning is asked for and sent back. */
export interface ReasoningShape {
  /** Where `request.reasoning.effort` goes (a dotted path: `reasoning_effort`, `reasoning.effort`) and value renames. */
  effort?: { field: string; values?: Readonly<Record<string, string>> };
  /** Body fields that switch thinking on or off when `request.reasoning.enabled` is set. */
  toggle?: { on: Readonly<Record<string, unknown>>; off: Readonly<Record<string, unknown>> };
  /** Replay policy per model family on this gateway, overriding the model's own. */
  replay?: Readonly<Record<string, ReasoningReplay>>;
  /** Field past reasoning goes back under when the gateway wants its own name (not the one it came in). */
  replayField?: string;
}

/** Where a gateway puts what the generic OpenAI reader does not find. */
export interface ResponseShape {
  /** Delta fields holding reasoning, in order; the first non-empty one is used. */
  reasoningFields?: readonly string[];
  /** Split `<think>…</think>` out of content (default true). */
  thinkTags?: boolean;
  /** Extra chunk paths holding a usage object (dotted: `choices.0.usage`), tried after `usage`. */
  usagePaths?: readonly string[];
  /** Extra paths, relative to the usage object, holding cached prompt tokens. */
  cachedTokenPaths?: readonly string[];
  /** Extra paths, relative to the chunk, holding cached prompt tokens (`timings.cache_n`). */
  chunkCachedTokenPaths?: readonly string[];
  /** Extra paths, relative to the usage object, holding reasoning tokens. */
  reasoningTokenPaths?: readonly string[];
}

/** How a gateway says the prompt does not fit. */
export interface OverflowShape {
  /** Texts (matched on message and body) that mean overflow. */
  patterns?: readonly RegExp[];
  /** Statuses whose empty body means overflow (`400 status code (no body)`). */
  bodilessStatuses?: readonly number[];
  /** The gateway may answer 200 with usage above the window instead of an error. */
  silent?: boolean;
}

/** How a gateway words other errors. */
export interface ErrorShape {
  /** Texts that mean rate-limited whatever the status ("engine is currently overloaded"). */
  rateLimitPatterns?: readonly RegExp[];
  /** A delay stated in the body; capture group 1 is seconds ("Please try again in 2.5s"). */
  retryAfterPattern?: RegExp;
  /** Texts that mean the key is wrong or lacks credit. */
  authPatterns?: readonly RegExp[];
  /** Texts that mean a retry can help even though the status says otherwise. */
  retryablePatterns?: readonly RegExp[];
}

/** What a gateway accepts; unset means "assume yes" (negotiation corrects it at run time). */
export interface GatewayCapabilities {
  /** `tool_choice` values accepted (`none`, `auto`, `required`, …). */
  toolChoice?: readonly string[];
  parallelToolCalls?: boolean;
  responseFormat?: boolean;
  /** Accepts `strict` in tool schemas. */
  strictTools?: boolean;
  /** Accepts the `developer` role. */
  developerRole?: boolean;
  /**
   * Validates generated tool-call arguments against the schema on its side and fails the
   * generation when they do not match, so tools should go out with lenient (open) schemas.
   */
  lenientToolSchemas?: boolean;
  images?: boolean;
}

export interface AffinityMechanism {
  /** Body field set to the request's affinity key (`prompt_cache_key`, `session_id`). */
  bodyField?: string;
  /** Header set to the request's affinity key (`x-session-affinity`). */
  header?: string;
}

/**
 * Which tool-call ids the gateway takes back. Ids from elsewhere (another gateway before a switch
 * or a fallback) that do not fit are rewritten when the conversation is sent, the same way every
 * time, a call and its result alike (`normalizeToolCallIds`).
 */
export interface ToolCallIdPolicy {
  maxLength?: number;
  /** Ids must match this whole (`/^[A-Za-z0-9]+$/`). */
  pattern?: RegExp;
  /**
   * Model families whose chat template on this gateway renders ids back into the prompt in a
   * fixed form, which then wins over `maxLength` and `pattern` for them: `functions` is Kimi's
   * `functions.NAME:INDEX` (`{ kimi: "functions" }`); the model copies any other form it sees.
   */
  families?: Readonly<Record<string, "functions">>;
}

/** The request as it goes on the wire, for the wire step. */
export interface WireRequest {
  body: Record<string, unknown>;
  headers: Record<string, string>;
}

/** What the wire step knows besides the wire request. */
export interface WireContext {
  readonly request: ChatRequest;
  readonly gateway: ResolvedGateway;
  readonly endpoint: GatewayEndpoint;
  /** Registry facts for the canonical model, when known. */
  readonly model: ModelInfo | undefined;
  readonly slug: string;
  /** What negotiation learned for this gateway and model. */
  readonly capabilities: NegotiatedCapabilities;
}

/** A failed HTTP answer as the classify step sees it. */
export interface WireError {
  status: number | undefined;
  /** The body text (keys redacted); `""` when there was none. */
  body: string;
  headers: Headers | undefined;
  /** The error object's `code`, when the body had one. */
  code?: string;
}

/** What an error means for the harness. */
export type ErrorClassification =
  /** The prompt does not fit; with the sizes the error states, when it states them. */
  | ({ kind: "overflow" } & StatedOverflow)
  | { kind: "rate-limit"; retryAfterMs?: number }
  | { kind: "auth" }
  | { kind: "retryable"; retryAfterMs?: number }
  | { kind: "bad-request" }
  /** The gateway rejected fields of the wire body: top-level names as sent, message keys as `messages.<key>`. */
  | { kind: "unsupported-field"; fields: string[] }
  /** The gateway wants past reasoning sent back, under `field` when it named one. */
  | { kind: "replay-required"; field?: string };

/** Code for real quirks. Each is pure: same input, same output, no I/O. */
export interface GatewayHooks {
  /** Shapes the final wire body and headers after the declarative shaping. */
  wire?(wire: WireRequest, context: WireContext): WireRequest;
  /** Classifies this gateway's own error bodies; `undefined` passes to the declarative and generic rules. */
  classifyError?(error: WireError): ErrorClassification | undefined;
  /** Rewrites one raw stream chunk before it is assembled (a field in an odd place). */
  chunk?(chunk: Record<string, unknown>): Record<string, unknown>;
}

/** A model a server serves, with the window it actually runs with. */
export interface DiscoveredModel {
  /** The id the server knows it by (its slug). */
  slug: string;
  /** Tokens the server runs the model with, when it says. */
  contextWindow?: number;
  /** The most the model supports, when the server says and it differs. */
  maxContextWindow?: number;
  /** Something the user should know (a default window that truncates silently). */
  warning?: string;
}

/** What run-time negotiation learned about one gateway and canonical model. */
export interface NegotiatedCapabilities {
  /** Body fields the gateway rejected: top-level names, and message keys as `messages.<key>`. */
  dropped: readonly string[];
  /** Body fields renamed: rejected name → accepted name. */
  renamed: Readonly<Record<string, string>>;
  /** Past reasoning must be sent back, under this field. */
  replay?: { field: string };
}

/** Where a gateway was defined, for `bridle gateways`. */
export type GatewaySource = { kind: "plugin"; plugin: string } | { kind: "config"; file: string };

/** A definition as the registry hands it out: defaults and config applied, source recorded. */
export interface ResolvedGateway extends GatewayDefinition {
  local: boolean;
  source: GatewaySource;
  /** Config files that changed the definition (`gateways.<id>`). */
  configuredBy: readonly string[];
}

/** Facts that apply to every gateway, merged after each definition's own (lists append). */
export type GatewayDefaults = Pick<GatewayDefinition, "response" | "overflow" | "errors" | "toolCallIds">;
