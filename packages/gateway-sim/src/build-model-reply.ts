import type { ChatRequestView } from "./chat-request-view.js";
import { conversationDigest } from "./conversation-digest.js";
import type { GatewayProfile, SimModel } from "./gateway-profile.js";
import type { ModelReply, ReplyArguments, ReplyToolCall } from "./model-reply.js";
import type { ScenarioStep, ScenarioToolCall } from "./scenario-schema.js";
import { toolCallId } from "./tool-call-id.js";

/** What the reply builder needs besides the step. */
export interface ReplyInputs {
  readonly profile: GatewayProfile;
  readonly model: SimModel;
  readonly request: ChatRequestView;
  readonly conversationHash: number;
  readonly promptTokens: number;
  readonly random: () => number;
}

/**
 * The model's answer: the scripted step's content, reasoning and tool calls (arguments kept
 * exactly as written), or the conversation digest when no step applies. Reasoning models add a
 * short reasoning text to the digest so every gateway's reasoning field can be seen without a
 * script.
 */
export function buildModelReply(step: ScenarioStep | undefined, inputs: ReplyInputs): ModelReply {
  if (step === undefined) {
    const digest = conversationDigest(inputs.request, inputs.conversationHash, inputs.promptTokens);
    return {
      content: digest.content,
      contentChunks: undefined,
      reasoning: inputs.model.reasoning === true ? digest.reasoning : "",
      reasoningChunks: undefined,
      toolCalls: [],
      finishReason: "stop",
    };
  }
  const firstIndex = inputs.request.previousToolCallCount;
  const toolCalls = (step.toolCalls ?? []).map((call, index) => replyToolCall(call, firstIndex + index, inputs));
  return {
    content: step.content ?? step.contentChunks?.join("") ?? "",
    contentChunks: step.contentChunks,
    reasoning: step.reasoning ?? step.reasoningChunks?.join("") ?? "",
    reasoningChunks: step.reasoningChunks,
    toolCalls,
    finishReason: step.finishReason ?? (toolCalls.length > 0 ? "tool_calls" : "stop"),
  };
}

function replyToolCall(call: ScenarioToolCall, conversationIndex: number, inputs: ReplyInputs): ReplyToolCall {
  const id = call.id ?? toolCallId(inputs.profile.toolCallIds, inputs.model.family, call.name, conversationIndex, inputs.random);
  return { id, name: call.name, arguments: replyArguments(call) };
}

function replyArguments(call: ScenarioToolCall): ReplyArguments {
  if (call.omitArguments === true) return { kind: "absent" };
  if (call.arguments === undefined) {
    if (call.argumentsChunks !== undefined) return { kind: "string", text: call.argumentsChunks.join(""), chunks: call.argumentsChunks };
    return { kind: "string", text: "{}", chunks: undefined };
  }
  if (typeof call.arguments === "string") return { kind: "string", text: call.arguments, chunks: call.argumentsChunks };
  return { kind: "value", value: call.arguments };
}
