import { buildUsage } from "./build-usage.js";
import { wireContent } from "./build-completion.js";
import { reasoningFields, type GatewayProfile, type ResponseContext, type ToolArgumentStreaming } from "./gateway-profile.js";
import type { ModelReply } from "./model-reply.js";
import { splitText } from "./split-text.js";

/** Choices that shape a stream beyond the profile. */
export interface StreamShape {
  readonly includeUsage: boolean;
  readonly chunkChars: number;
  readonly toolArguments: ToolArgumentStreaming;
  readonly created: number;
}

/**
 * The `data:` events of a streamed reply, in order and in the gateway's shape: a first chunk with
 * the role, reasoning deltas in the gateway's field (or `<think>` inside content), content
 * deltas, tool calls whole or as argument deltas, the finish chunk, and usage wherever this
 * gateway puts it.
 */
export function buildStreamEvents(profile: GatewayProfile, reply: ModelReply, context: ResponseContext, shape: StreamShape): Record<string, unknown>[] {
  const deltas: Record<string, unknown>[] = [{ role: "assistant", content: "" }];

  if (profile.reasoning === "think-tags") {
    if (reply.reasoning !== "") {
      deltas.push({ content: "<think>\n" });
      for (const piece of reply.reasoningChunks ?? splitText(reply.reasoning, shape.chunkChars)) deltas.push({ content: piece });
      deltas.push({ content: "\n</think>\n\n" });
    }
  } else if (reply.reasoning !== "") {
    for (const piece of reply.reasoningChunks ?? splitText(reply.reasoning, shape.chunkChars)) {
      const delta: Record<string, unknown> = {};
      for (const field of reasoningFields(profile.reasoning)) delta[field] = piece;
      if (profile.reasoningDetails) delta.reasoning_details = [{ type: "reasoning.text", text: piece, format: "unknown", index: 0 }];
      deltas.push(delta);
    }
  }

  for (const piece of reply.contentChunks ?? splitText(reply.content, shape.chunkChars)) deltas.push({ content: piece });

  reply.toolCalls.forEach((call, index) => {
    const head = { index, id: call.id, type: "function" };
    const args = call.arguments;
    if (args.kind === "absent") {
      deltas.push({ tool_calls: [{ ...head, function: { name: call.name } }] });
    } else if (args.kind === "value" || shape.toolArguments === "whole") {
      const value = args.kind === "value" ? args.value : args.text;
      deltas.push({ tool_calls: [{ ...head, function: { name: call.name, arguments: value } }] });
    } else {
      deltas.push({ tool_calls: [{ ...head, function: { name: call.name, arguments: "" } }] });
      for (const piece of args.chunks ?? splitText(args.text, shape.chunkChars)) {
        deltas.push({ tool_calls: [{ index, function: { arguments: piece } }] });
      }
    }
  });

  const sendUsage = shape.includeUsage || profile.usageWithoutIncludeUsage;
  const usage = buildUsage(profile, context.usage);
  const events: Record<string, unknown>[] = deltas.map((delta, index) => {
    const chunk = envelope(context, shape.created, [{ index: 0, delta, logprobs: null, finish_reason: null }]);
    profile.decorateChunk(chunk, context, { first: index === 0, finish: false, usageSent: sendUsage });
    return chunk;
  });

  const finishChoice: Record<string, unknown> = { index: 0, delta: {}, logprobs: null, finish_reason: reply.finishReason };
  if (profile.usagePlacement === "choice-usage" && sendUsage) finishChoice.usage = usage;
  const finish = envelope(context, shape.created, [finishChoice]);
  if (profile.usagePlacement === "finish-chunk" && sendUsage) finish.usage = usage;
  profile.decorateChunk(finish, context, { first: false, finish: true, usageSent: sendUsage });
  events.push(finish);

  if (sendUsage && profile.usagePlacement === "repeat-finish-chunk") {
    const final = envelope(context, shape.created, [
      { index: 0, delta: { role: "assistant", content: "" }, logprobs: null, finish_reason: reply.finishReason, native_finish_reason: reply.finishReason },
    ]);
    final.usage = usage;
    profile.decorateChunk(final, context, { first: false, finish: false, usageSent: sendUsage });
    events.push(final);
  } else if (sendUsage && profile.usagePlacement === "trailing-chunk") {
    const trailing = envelope(context, shape.created, []);
    trailing.usage = usage;
    profile.decorateChunk(trailing, context, { first: false, finish: false, usageSent: sendUsage });
    events.push(trailing);
  }
  return events;
}

function envelope(context: ResponseContext, created: number, choices: unknown[]): Record<string, unknown> {
  return { id: context.completionId, object: "chat.completion.chunk", created, model: context.slug, choices };
}
