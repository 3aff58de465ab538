import { createRequire } from "node:module";
import type { ChatMessage, ChatRequest, ContentPart, ToolDefinition } from "../chat.js";

type CountTokens = (text: string) => number;
let loadedCountTokens: CountTokens | undefined;
let preloading = false;

/**
 * The tokenizer's merge tables take ~150 ms of CPU to load, so they are loaded on the first exact
 * count, or earlier by `preloadTokenizer`, never when Bridle starts.
 */
function countTokens(text: string): number {
  loadedCountTokens ??= (createRequire(import.meta.url)("gpt-tokenizer") as { countTokens: CountTokens }).countTokens;
  return loadedCountTokens(text);
}

/** True once the tokenizer is loaded: exact counts then cost no start-up time. */
export function tokenizerLoaded(): boolean {
  return loadedCountTokens !== undefined;
}

/**
 * Loads the tokenizer on a later turn of the event loop, for callers that will need exact counts
 * soon and are about to wait (for a gateway, for the user). Does not keep the process alive.
 */
export function preloadTokenizer(): void {
  if (loadedCountTokens !== undefined || preloading) return;
  preloading = true;
  setImmediate(() => countTokens("")).unref();
}

/**
 * Every o200k token stands for at least one byte of UTF-8, so the byte length bounds the token
 * count from above without loading a tokenizer (about 4× the exact count for English and code).
 */
function utf8Bytes(text: string): number {
  return Buffer.byteLength(text, "utf8");
}

/** Tokens a message costs beyond its text (role markers, separators), as chat templates add. */
const MESSAGE_OVERHEAD = 4;
/** What an image costs in most open-model templates, roughly; exactness matters less than never being zero. */
const IMAGE_TOKENS = 1_000;

/** Token counts of a request, split the way `/context` shows them. */
export interface ContextBreakdown {
  system: number;
  tools: number;
  /** User and assistant messages. */
  messages: number;
  toolResults: number;
  total: number;
}

/**
 * Counts tokens with a real BPE tokenizer (o200k), caching each message by identity: messages
 * are immutable once appended, so adding one costs time proportional to that message only, not
 * to the conversation. `TokenCounter.upperBound()` counts the same way in UTF-8 bytes instead:
 * never below the exact count, and free of the tokenizer.
 */
export class TokenCounter {
  readonly #messages = new WeakMap<ChatMessage, number>();
  readonly #tools = new WeakMap<readonly ToolDefinition[], number>();
  readonly #count: CountTokens;

  /** A counter whose every count is at least the exact one, without loading the tokenizer. */
  static upperBound(): TokenCounter {
    return new TokenCounter(utf8Bytes);
  }

  constructor(count: CountTokens = countTokens) {
    this.#count = count;
  }

  countText(text: string): number {
    return text.length === 0 ? 0 : this.#count(text);
  }

  countMessage(message: ChatMessage): number {
    const cached = this.#messages.get(message);
    if (cached !== undefined) return cached;
    let count = MESSAGE_OVERHEAD;
    if (message.role === "assistant") {
      count += this.countText(message.content ?? "") + this.countText(message.reasoning ?? "");
      for (const call of message.toolCalls ?? []) count += this.countText(call.name) + this.countText(call.arguments) + MESSAGE_OVERHEAD;
    } else {
      count += this.#countContent(message.content);
    }
    this.#messages.set(message, count);
    return count;
  }

  countTools(tools: readonly ToolDefinition[]): number {
    const cached = this.#tools.get(tools);
    if (cached !== undefined) return cached;
    const count = tools.reduce((sum, tool) => sum + this.countText(JSON.stringify(tool)) + MESSAGE_OVERHEAD, 0);
    this.#tools.set(tools, count);
    return count;
  }

  countMessages(messages: readonly ChatMessage[]): number {
    let total = 0;
    for (const message of messages) total += this.countMessage(message);
    return total;
  }

  breakdown(request: Pick<ChatRequest, "messages" | "tools">): ContextBreakdown {
    const result = { system: 0, tools: this.countTools(request.tools), messages: 0, toolResults: 0, total: 0 };
    for (const message of request.messages) {
      const count = this.countMessage(message);
      if (message.role === "system") result.system += count;
      else if (message.role === "tool") result.toolResults += count;
      else result.messages += count;
    }
    result.total = result.system + result.tools + result.messages + result.toolResults;
    return result;
  }

  #countContent(content: string | ContentPart[]): number {
    if (typeof content === "string") return this.countText(content);
    return content.reduce((sum, part) => sum + (part.type === "text" ? this.countText(part.text) : IMAGE_TOKENS), 0);
  }
}
