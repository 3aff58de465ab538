/**
 * The canonical chat shapes every part of Bridle speaks. They mirror OpenAI chat completions
 * closely enough to translate losslessly, but carry the canonical model id, never a gateway slug.
 */

/** A JSON Schema object (draft 2020-12 subset), the lingua franca of tool parameters. */
export type JsonSchema = { [key: string]: unknown };

/** A piece of multimodal message content. */
export type ContentPart =
  | { type: "text"; text: string }
  | { type: "image"; url: string; mediaType?: string };

/** A tool call exactly as the gateway delivered it. */
export interface ToolCall {
  /**
   * As the gateway sent it. Kimi renders ids back into its prompt and breaks if they are
   * rewritten, so the wire step changes an id only where the target cannot take it
   * (`normalizeToolCallIds`: another gateway's over-long id, another form sent to Kimi).
   */
  id: string;
  name: string;
  /** The raw argument text, possibly malformed; `""` means `{}`. */
  arguments: string;
}

export interface SystemMessage {
  role: "system";
  content: string;
}

export interface UserMessage {
  role: "user";
  content: string | ContentPart[];
}

export interface AssistantMessage {
  role: "assistant";
  content: string | null;
  /** Reasoning text, normalized from whichever field or `<think>` block the gateway used. */
  reasoning?: string;
  /** The wire field the reasoning arrived in, so it can be replayed under the same name. */
  reasoningField?: string;
  toolCalls?: ToolCall[];
}

export interface ToolMessage {
  role: "tool";
  toolCallId: string;
  name?: string;
  content: string | ContentPart[];
  /** The call failed or was refused; the content says why. */
  isError?: boolean;
}

export type ChatMessage = SystemMessage | UserMessage | AssistantMessage | ToolMessage;

/** A tool as offered to the model. */
export interface ToolDefinition {
  name: string;
  description: string;
  parameters: JsonSchema;
}

/** Why a request is sent: a turn of the conversation, or a side request. */
export type RequestPurpose = "turn" | "summary" | "title" | (string & {});

/** One request to a model, before the gateway adapter turns it into a wire body. */
export interface ChatRequest {
  /** Canonical model id. The gateway slug exists only at the transport boundary. Read-only in `beforeRequest`. */
  readonly model: string;
  /** Gateway id the request goes to. Read-only in `beforeRequest`: a gateway changes by a switch or a fallback. */
  readonly gateway: string;
  /** `turn` for the conversation's own requests; side requests say what they are for. */
  purpose?: RequestPurpose;
  /** Which of the gateway's endpoints to use (chosen at `ROUTE`); the gateway's own base URL when absent. */
  endpoint?: { id: string; baseURL: string };
  /** Key that keeps a session on one cache; the gateway's definition says where it goes on the wire. */
  affinityKey?: string;
  /** Reasoning wishes; the gateway's definition says how they are spelled on the wire. */
  reasoning?: { enabled?: boolean; effort?: string };
  messages: ChatMessage[];
  tools: ToolDefinition[];
  /** Output tokens to reserve and request. */
  maxOutputTokens: number;
  temperature?: number;
  /**
   * Give up on the stream when no byte (SSE comments and keep-alives included) arrives for this
   * long; the transport's own timeout when absent.
   */
  idleTimeoutMs?: number;
  /** Extra wire-body fields set by plugins (affinity keys, reasoning switches, renamed params). */
  body: Record<string, unknown>;
  /** Extra HTTP headers set by plugins (affinity headers). Never carries the API key. */
  headers: Record<string, string>;
}

/** Token usage normalized from whichever fields the gateway reported. */
export interface Usage {
  /** Prompt tokens, cached ones included (every gateway checked counts them in). */
  inputTokens: number;
  outputTokens: number;
  /** Cached prompt tokens; `undefined` means the gateway did not say, which is not the same as 0. */
  cachedInputTokens?: number;
  reasoningTokens?: number;
}

export type FinishReason = "stop" | "tool_calls" | "length" | "content_filter" | "other";

/** A complete model answer, after the stream ended properly. */
export interface ChatResponse {
  model: string;
  gateway: string;
  message: AssistantMessage;
  finishReason: FinishReason;
  usage?: Usage;
  /** The gateway's request id, for error messages and support tickets. */
  requestId?: string;
}
