import { contentText } from "./render-message.js";

/**
 * A read-only view of a chat-completions request body with the facts scenario conditions and the
 * reply builder ask about. Texts are computed only when first asked for, because a 100k-token
 * conversation should not be scanned for a condition nobody set.
 */
export class ChatRequestView {
  readonly messages: readonly Record<string, unknown>[];
  readonly tools: readonly unknown[];
  readonly stream: boolean;
  readonly includeUsage: boolean;
  private lastUserTextCache: string | undefined;
  private systemTextCache: string | undefined;

  constructor(
    readonly profile: string,
    readonly slug: string,
    readonly body: Readonly<Record<string, unknown>>,
  ) {
    this.messages = Array.isArray(body.messages) ? (body.messages.filter((message) => typeof message === "object" && message !== null) as Record<string, unknown>[]) : [];
    this.tools = Array.isArray(body.tools) ? body.tools : [];
    this.stream = body.stream === true;
    const streamOptions = body.stream_options;
    this.includeUsage = typeof streamOptions === "object" && streamOptions !== null && (streamOptions as Record<string, unknown>).include_usage === true;
  }

  /** Role of the last message, or undefined for an empty conversation. */
  get lastRole(): string | undefined {
    const last = this.messages[this.messages.length - 1];
    return typeof last?.role === "string" ? last.role : undefined;
  }

  /** Text of the last user message ("" when there is none). */
  get lastUserText(): string {
    if (this.lastUserTextCache === undefined) {
      let text = "";
      for (let index = this.messages.length - 1; index >= 0; index -= 1) {
        const message = this.messages[index] as Record<string, unknown>;
        if (message.role === "user") {
          text = contentText(message.content);
          break;
        }
      }
      this.lastUserTextCache = text;
    }
    return this.lastUserTextCache;
  }

  /** Text of all system and developer messages, joined by newlines. */
  get systemText(): string {
    if (this.systemTextCache === undefined) {
      this.systemTextCache = this.messages
        .filter((message) => message.role === "system" || message.role === "developer")
        .map((message) => contentText(message.content))
        .join("\n");
    }
    return this.systemTextCache;
  }

  /** Whether any message's content contains `needle`. */
  anyMessageContains(needle: string): boolean {
    return this.messages.some((message) => contentText(message.content).includes(needle));
  }

  /** Tool calls made by earlier assistant turns (Kimi ids number calls across the conversation). */
  get previousToolCallCount(): number {
    let count = 0;
    for (const message of this.messages) {
      if (message.role === "assistant" && Array.isArray(message.tool_calls)) count += message.tool_calls.length;
    }
    return count;
  }
}
