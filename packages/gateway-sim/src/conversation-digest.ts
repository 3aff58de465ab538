import type { ChatRequestView } from "./chat-request-view.js";
import { hashHex } from "./hash-string.js";

/**
 * The fallback answer: a deterministic digest of the conversation. The same conversation sent to
 * the same gateway and model always gets the same text, and a different one almost surely a
 * different text, so tests can tell replies apart without scripting them.
 */
export function conversationDigest(request: ChatRequestView, conversationHash: number, promptTokens: number): { content: string; reasoning: string } {
  const lastUser = request.lastUserText.replace(/\s+/g, " ").trim();
  const quoted = lastUser.length > 80 ? `${lastUser.slice(0, 77)}...` : lastUser;
  const digest = hashHex(conversationHash);
  const messages = plural(request.messages.length, "message");
  const content =
    `[${request.profile} ${request.slug}] digest ${digest}: ${messages}, ` +
    `${plural(promptTokens, "prompt token")}, ${plural(request.tools.length, "tool")}. Last user message: "${quoted}"`;
  const reasoning = `Reading ${messages} (digest ${digest}) before answering.`;
  return { content, reasoning };
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
