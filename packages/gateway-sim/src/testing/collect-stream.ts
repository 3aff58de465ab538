import type OpenAI from "openai";

/** One streamed tool call, accumulated by index. */
export interface CollectedToolCall {
  id: string | undefined;
  name: string;
  /** Concatenated string pieces, or the single non-string value sent; undefined when never sent. */
  arguments: unknown;
  /** How many chunks carried an `arguments` field for this call. */
  argumentChunks: number;
}

/** Everything a client saw in one stream. */
export interface CollectedStream {
  readonly chunks: Record<string, unknown>[];
  /** Non-empty content deltas, in order. */
  readonly contentPieces: string[];
  readonly content: string;
  /** Reasoning text per delta field that carried it. */
  readonly reasoning: Record<string, string>;
  readonly toolCalls: CollectedToolCall[];
  readonly finishReasons: string[];
  /** Every usage object seen, with where it was found. */
  readonly usages: { where: "chunk" | "choice" | "x_groq"; chunkIndex: number; emptyChoices: boolean; usage: Record<string, unknown> }[];
}

/** Reads a chat-completions stream to the end and accumulates what a client would. */
export async function collectStream(stream: AsyncIterable<OpenAI.Chat.Completions.ChatCompletionChunk>): Promise<CollectedStream> {
  const chunks: Record<string, unknown>[] = [];
  const contentPieces: string[] = [];
  const reasoning: Record<string, string> = {};
  const toolCalls: CollectedToolCall[] = [];
  const finishReasons: string[] = [];
  const usages: CollectedStream["usages"] = [];
  for await (const chunk of stream) {
    const raw = chunk as unknown as Record<string, unknown>;
    const chunkIndex = chunks.length;
    chunks.push(raw);
    const choices = (raw.choices ?? []) as Record<string, unknown>[];
    if (raw.usage !== undefined && raw.usage !== null) usages.push({ where: "chunk", chunkIndex, emptyChoices: choices.length === 0, usage: raw.usage as Record<string, unknown> });
    const groq = raw.x_groq as Record<string, unknown> | undefined;
    if (groq?.usage !== undefined) usages.push({ where: "x_groq", chunkIndex, emptyChoices: choices.length === 0, usage: groq.usage as Record<string, unknown> });
    for (const choice of choices) {
      if (choice.usage !== undefined && choice.usage !== null) usages.push({ where: "choice", chunkIndex, emptyChoices: false, usage: choice.usage as Record<string, unknown> });
      if (typeof choice.finish_reason === "string") finishReasons.push(choice.finish_reason);
      const delta = (choice.delta ?? {}) as Record<string, unknown>;
      if (typeof delta.content === "string" && delta.content !== "") contentPieces.push(delta.content);
      for (const field of ["reasoning_content", "reasoning", "reasoning_text"]) {
        if (typeof delta[field] === "string") reasoning[field] = (reasoning[field] ?? "") + (delta[field] as string);
      }
      for (const call of (delta.tool_calls ?? []) as Record<string, unknown>[]) {
        const index = call.index as number;
        const target = (toolCalls[index] ??= { id: undefined, name: "", arguments: undefined, argumentChunks: 0 });
        if (typeof call.id === "string") target.id = call.id;
        const fn = (call.function ?? {}) as Record<string, unknown>;
        if (typeof fn.name === "string") target.name += fn.name;
        if ("arguments" in fn) {
          target.argumentChunks += 1;
          const piece = fn.arguments;
          if (typeof piece === "string" && (target.arguments === undefined || typeof target.arguments === "string")) target.arguments = ((target.arguments as string | undefined) ?? "") + piece;
          else target.arguments = piece;
        }
      }
    }
  }
  return { chunks, contentPieces, content: contentPieces.join(""), reasoning, toolCalls, finishReasons, usages };
}
