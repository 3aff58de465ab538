import { createRequire } from "node:module";
import type { ChatMessage, ChatRequest, ContentPart, ToolDefinition } from "../chat.js";

type CountTokens = (text: string) => number;
let loadedCountTokens: CountTokens | undefined;

/**
 * The tokenizer's merge tables take ~140 ms to load, so they are loaded on the first count, not
 * when Bridle starts (`bridle --version` and config commands never count a token).
 */
function countTokens(text: string): number {
  loadedCountTokens ??= (createRequire(import.meta.url)("gpt-tokenizer") as { countTokens: CountTokens }).countTokens;
  return loadedCountTokens(text);
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
 * to the conversation.
 */
export class TokenCounter {
  readonly #messages = new WeakMap<ChatMessage, number>();
  readonly #tools = new WeakMap<readonly ToolDefinition[], number>();

  countText(text: string): number {
    return text.length === 0 ? 0 : countTokens(text);
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
