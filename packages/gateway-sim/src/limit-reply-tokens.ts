import type { ModelReply, ReplyToolCall } from "./model-reply.js";
import type { TokenCounter } from "./token-counter.js";

/** Token counts of a reply's parts. */
export interface ReplyTokens {
  readonly reasoning: number;
  readonly completion: number;
}

/** Tokens the reply costs: reasoning, content and every tool call's name and arguments. */
export function countReplyTokens(reply: ModelReply, counter: TokenCounter): ReplyTokens {
  const reasoning = counter.count(reply.reasoning);
  let completion = reasoning + counter.count(reply.content);
  for (const call of reply.toolCalls) completion += counter.count(call.name) + counter.count(argumentsText(call));
  return { reasoning, completion };
}

/**
 * Cuts a reply to `maxTokens` output tokens the way a server stops generating: reasoning first,
 * then content, then tool calls in order, the one that runs out keeping a prefix of its
 * arguments (truncated JSON) and later ones dropped; `finish_reason` becomes `length`.
 */
export function limitReplyTokens(reply: ModelReply, maxTokens: number, counter: TokenCounter): ModelReply {
  if (countReplyTokens(reply, counter).completion <= maxTokens) return reply;
  let budget = maxTokens;
  const reasoning = counter.truncate(reply.reasoning, budget);
  budget -= reasoning.tokens;
  const content = counter.truncate(reply.content, budget);
  budget -= content.tokens;
  const toolCalls: ReplyToolCall[] = [];
  for (const call of reply.toolCalls) {
    if (budget <= 0) break;
    budget -= counter.count(call.name);
    if (call.arguments.kind !== "string") {
      toolCalls.push(call);
      continue;
    }
    const args = counter.truncate(call.arguments.text, Math.max(0, budget));
    budget -= args.tokens;
    toolCalls.push({ ...call, arguments: { kind: "string", text: args.text, chunks: args.cut ? undefined : call.arguments.chunks } });
  }
  return {
    content: content.text,
    contentChunks: content.cut ? undefined : reply.contentChunks,
    reasoning: reasoning.text,
    reasoningChunks: reasoning.cut ? undefined : reply.reasoningChunks,
    toolCalls,
    finishReason: "length",
  };
}

function argumentsText(call: ReplyToolCall): string {
  if (call.arguments.kind === "string") return call.arguments.text;
  if (call.arguments.kind === "value") return JSON.stringify(call.arguments.value) ?? "";
  return "";
}
