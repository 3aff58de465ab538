import { buildUsage } from "./build-usage.js";
import { reasoningFields, type GatewayProfile, type ResponseContext } from "./gateway-profile.js";
import type { ModelReply, ReplyToolCall } from "./model-reply.js";

/** The full text of `content` as the gateway sends it (`<think>` inline for think-tag gateways). */
export function wireContent(profile: GatewayProfile, reply: ModelReply): string {
  if (profile.reasoning !== "think-tags" || reply.reasoning === "") return reply.content;
  return `<think>\n${reply.reasoning}\n</think>\n\n${reply.content}`;
}

/** A tool call as it appears in a completion message, its arguments exactly as scripted. */
export function wireToolCall(call: ReplyToolCall): Record<string, unknown> {
  const fn: Record<string, unknown> = { name: call.name };
  if (call.arguments.kind === "string") fn.arguments = call.arguments.text;
  else if (call.arguments.kind === "value") fn.arguments = call.arguments.value;
  return { id: call.id, type: "function", function: fn };
}

/** A non-streaming `chat.completion` body in the gateway's shape. */
export function buildCompletion(profile: GatewayProfile, reply: ModelReply, context: ResponseContext, created: number): Record<string, unknown> {
  const content = wireContent(profile, reply);
  const message: Record<string, unknown> = {
    role: "assistant",
    content: content === "" && reply.toolCalls.length > 0 ? null : content,
  };
  if (reply.reasoning !== "" && profile.reasoning !== "think-tags") {
    for (const field of reasoningFields(profile.reasoning)) message[field] = reply.reasoning;
    if (profile.reasoningDetails) message.reasoning_details = [{ type: "reasoning.text", text: reply.reasoning, format: "unknown", index: 0 }];
  }
  if (reply.toolCalls.length > 0) message.tool_calls = reply.toolCalls.map(wireToolCall);
  const completion: Record<string, unknown> = {
    id: context.completionId,
    object: "chat.completion",
    created,
    model: context.slug,
    choices: [{ index: 0, message, logprobs: null, finish_reason: reply.finishReason }],
    usage: buildUsage(profile, context.usage),
  };
  profile.decorateCompletion(completion, context);
  return completion;
}
