/** Arguments of a reply's tool call: left out, a raw string, or a non-string JSON value. */
export type ReplyArguments =
  | { readonly kind: "absent" }
  | { readonly kind: "string"; readonly text: string; readonly chunks: readonly string[] | undefined }
  | { readonly kind: "value"; readonly value: unknown };

/** A tool call of a reply, with its id already assigned. */
export interface ReplyToolCall {
  readonly id: string;
  readonly name: string;
  readonly arguments: ReplyArguments;
}

/** What the simulated model answers, before it is shaped into a gateway's wire format. */
export interface ModelReply {
  readonly content: string;
  readonly contentChunks: readonly string[] | undefined;
  readonly reasoning: string;
  readonly reasoningChunks: readonly string[] | undefined;
  readonly toolCalls: readonly ReplyToolCall[];
  readonly finishReason: string;
}
