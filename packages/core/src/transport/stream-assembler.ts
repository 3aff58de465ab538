import type { AssistantMessage, FinishReason, ToolCall, Usage } from "../chat.js";
import type { GatewayHooks, ResponseShape } from "../gateways/gateway-definition.js";
import { createUsageReader, readChunkUsage, type UsageReader } from "./normalize-usage.js";
import { ThinkSplitter } from "./think-splitter.js";

/** A piece of the answer as it streams, for the screen. */
export type StreamDelta =
  | { type: "text"; text: string }
  | { type: "reasoning"; text: string }
  | { type: "tool_call"; index: number; id?: string; name?: string; argumentsDelta: string };

/**
 * Reasoning arrives in the first non-empty of these delta fields; only that one is read, since a
 * gateway may send the same text under two names.
 */
export const REASONING_FIELDS: readonly string[] = ["reasoning_content", "reasoning", "reasoning_text"];

/** How to read one gateway's stream: its response shape and chunk hook, or the generic reader. */
export interface StreamShape {
  response?: ResponseShape;
  chunk?: GatewayHooks["chunk"];
}

/** Identical content chunks in a row that mark a degenerate, looping stream. */
const DEGENERATE_REPEATS = 100;

interface PartialToolCall {
  id: string;
  name: string;
  arguments: string;
}

export interface AssembledResponse {
  message: AssistantMessage;
  /** `undefined` when the stream ended without one: the caller treats that as an error. */
  finishReason: FinishReason | undefined;
  usage: Usage | undefined;
}

/**
 * Assembles an OpenAI-style chat completion stream into one assistant message. Tool-call deltas
 * are accumulated by `index` and closed only at the end (a prefix of the arguments can already be
 * valid JSON). Works on plain chunk objects, so it is tested without a network.
 */
export class StreamAssembler {
  readonly #onDelta: ((delta: StreamDelta) => void) | undefined;
  readonly #think: ThinkSplitter | undefined;
  readonly #reasoningFields: readonly string[];
  readonly #usageReader: UsageReader;
  readonly #chunk: StreamShape["chunk"];
  #content = "";
  #reasoning = "";
  #reasoningField: string | undefined;
  readonly #toolCalls = new Map<number, PartialToolCall>();
  #finishReason: FinishReason | undefined;
  #usage: Usage | undefined;
  /** The call the last tool-call delta belonged to: where an index-less, id-less delta continues. */
  #lastCallIndex: number | undefined;
  #lastChunkText = "";
  #repeats = 0;

  constructor(onDelta?: (delta: StreamDelta) => void, shape: StreamShape = {}) {
    this.#onDelta = onDelta;
    this.#think = shape.response?.thinkTags === false ? undefined : new ThinkSplitter();
    this.#reasoningFields = shape.response?.reasoningFields ?? REASONING_FIELDS;
    this.#usageReader = createUsageReader(shape.response);
    this.#chunk = shape.chunk;
  }

  /** Feeds one parsed chunk. Throws on a degenerate stream. */
  push(chunk: unknown): void {
    if (typeof chunk !== "object" || chunk === null) return;
    const record = this.#chunk ? this.#chunk(chunk as Record<string, unknown>) : (chunk as Record<string, unknown>);
    const choices = Array.isArray(record.choices) ? (record.choices as Array<Record<string, unknown>>) : [];
    // The last usage seen wins: some gateways repeat it, growing, on later chunks.
    const usage = readChunkUsage(record, this.#usageReader);
    if (usage) this.#usage = usage;
    const choice = choices[0];
    if (!choice) return;
    const delta = (choice.delta ?? choice.message ?? {}) as Record<string, unknown>;

    for (const field of this.#reasoningFields) {
      const value = delta[field];
      if (typeof value === "string" && value.length > 0) {
        this.#reasoningField ??= field;
        this.#addReasoning(value);
        break;
      }
    }
    if (typeof delta.content === "string" && delta.content.length > 0) {
      this.#checkDegenerate(delta.content);
      const split = this.#think ? this.#think.push(delta.content) : { content: delta.content, reasoning: "" };
      if (split.reasoning) {
        this.#reasoningField ??= "think-tag";
        this.#addReasoning(split.reasoning);
      }
      if (split.content) this.#addContent(split.content);
    }
    if (Array.isArray(delta.tool_calls)) {
      const entries = delta.tool_calls as Array<Record<string, unknown>>;
      for (const [position, raw] of entries.entries()) {
        const index = typeof raw.index === "number" ? raw.index : this.#indexWithout(raw, position, entries.length);
        const fn = (raw.function ?? {}) as { name?: unknown; arguments?: unknown };
        const call = this.#toolCalls.get(index) ?? { id: "", name: "", arguments: "" };
        if (typeof raw.id === "string" && raw.id && !call.id) call.id = raw.id;
        if (typeof fn.name === "string" && fn.name && !call.name) call.name = fn.name;
        const argumentsDelta = typeof fn.arguments === "string" ? fn.arguments : fn.arguments && typeof fn.arguments === "object" ? JSON.stringify(fn.arguments) : "";
        call.arguments += argumentsDelta;
        this.#toolCalls.set(index, call);
        this.#lastCallIndex = index;
        this.#onDelta?.({ type: "tool_call", index, id: call.id || undefined, name: call.name || undefined, argumentsDelta });
      }
    }
    if (typeof choice.finish_reason === "string" && choice.finish_reason) {
      this.#finishReason = mapFinishReason(choice.finish_reason);
    }
  }

  /** The answer text streamed so far (reasoning and held-back think-tag text excluded). */
  partialContent(): string {
    return this.#content;
  }

  /** Closes the stream: flushes held-back text and returns the message. */
  finish(): AssembledResponse {
    const rest = this.#think ? this.#think.flush() : { content: "", reasoning: "" };
    if (rest.reasoning) this.#addReasoning(rest.reasoning);
    if (rest.content) this.#addContent(rest.content);
    const toolCalls: ToolCall[] = [...this.#toolCalls.entries()]
      .sort(([a], [b]) => a - b)
      .map(([index, call]) => ({ id: call.id || `call_${index}`, name: call.name, arguments: call.arguments }));
    const message: AssistantMessage = {
      role: "assistant",
      content: this.#content.length > 0 ? this.#content : null,
      ...(this.#reasoning ? { reasoning: this.#reasoning, reasoningField: this.#reasoningField } : {}),
      ...(toolCalls.length > 0 ? { toolCalls } : {}),
    };
    let finishReason = this.#finishReason;
    if (finishReason === "stop" && toolCalls.length > 0) finishReason = "tool_calls";
    return { message, finishReason, usage: this.#usage };
  }

  /**
   * Where a tool-call delta without `index` goes. Some gateways leave it out and send each call
   * whole, one per chunk: its position is then 0 every time, so a new id opens a new call, a known
   * id continues its own, and a delta with neither continues the call before it (or its position
   * when several arrive in one chunk).
   */
  #indexWithout(raw: Record<string, unknown>, position: number, entries: number): number {
    const id = typeof raw.id === "string" && raw.id ? raw.id : undefined;
    if (id === undefined) return entries > 1 || this.#lastCallIndex === undefined ? position : this.#lastCallIndex;
    for (const [index, call] of this.#toolCalls) if (call.id === id) return index;
    const taken = this.#toolCalls.get(position);
    return taken === undefined || taken.id === "" ? position : Math.max(...this.#toolCalls.keys()) + 1;
  }

  #addContent(text: string): void {
    this.#content += text;
    this.#onDelta?.({ type: "text", text });
  }

  #addReasoning(text: string): void {
    this.#reasoning += text;
    this.#onDelta?.({ type: "reasoning", text });
  }

  #checkDegenerate(text: string): void {
    if (text === this.#lastChunkText) {
      this.#repeats += 1;
      if (this.#repeats >= DEGENERATE_REPEATS) throw new DegenerateStreamError(text);
    } else {
      this.#lastChunkText = text;
      this.#repeats = 1;
    }
  }
}

/** The model repeated one chunk so often that the stream is a loop, not an answer. */
export class DegenerateStreamError extends Error {
  constructor(chunk: string) {
    super(`the model repeated the same output ${DEGENERATE_REPEATS} times (${JSON.stringify(chunk.slice(0, 40))}); stopped`);
    this.name = "DegenerateStreamError";
  }
}

function mapFinishReason(reason: string): FinishReason {
  switch (reason) {
    case "stop":
    case "end_turn":
    case "eos":
      return "stop";
    case "tool_calls":
    case "function_call":
    case "tool_use":
      return "tool_calls";
    case "length":
    case "max_tokens":
      return "length";
    case "content_filter":
      return "content_filter";
    default:
      return "other";
  }
}
