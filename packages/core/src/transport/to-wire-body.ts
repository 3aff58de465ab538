import type { AssistantMessage, ChatMessage, ChatRequest, ContentPart } from "../chat.js";
import type { GatewayDefinition } from "../gateways/gateway-definition.js";
import type { ModelInfo } from "../model-registry.js";

/** Wire fields reasoning may be replayed under. */
const WIRE_REASONING_FIELDS = new Set(["reasoning_content", "reasoning"]);

/**
 * Builds the OpenAI-compatible request body for a gateway: the slug instead of the canonical id,
 * the gateway's name for the output limit, reasoning replayed as the model requires, unpaired
 * surrogates removed (they break JSON on several providers), plugin fields merged last.
 */
export function toWireBody(
  request: ChatRequest,
  target: { slug: string; gateway: GatewayDefinition; model: ModelInfo | undefined },
): Record<string, unknown> {
  const body: Record<string, unknown> = {
    model: target.slug,
    messages: request.messages.map((message) => toWireMessage(message, target.model)),
    stream: true,
    [target.gateway.request?.maxTokensField ?? "max_tokens"]: request.maxOutputTokens,
  };
  if (target.gateway.request?.streamUsage !== false) body.stream_options = { include_usage: true };
  if (request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: "function",
      function: { name: tool.name, description: tool.description, parameters: tool.parameters },
    }));
  }
  if (request.temperature !== undefined) body.temperature = request.temperature;
  return { ...body, ...request.body };
}

function toWireMessage(message: ChatMessage, model: ModelInfo | undefined): Record<string, unknown> {
  switch (message.role) {
    case "system":
      return { role: "system", content: clean(message.content) };
    case "user":
      return { role: "user", content: typeof message.content === "string" ? clean(message.content) : message.content.map(toWirePart) };
    case "tool":
      return { role: "tool", tool_call_id: message.toolCallId, content: toolContent(message.content) };
    case "assistant":
      return toWireAssistant(message, model);
  }
}

function toWireAssistant(message: AssistantMessage, model: ModelInfo | undefined): Record<string, unknown> {
  const toolCalls = message.toolCalls ?? [];
  let content = message.content === null ? null : clean(message.content);
  const wire: Record<string, unknown> = { role: "assistant" };
  const replay = model?.reasoningReplay ?? "drop";
  const replayHere = replay === "all-turns" || (replay === "tool-turns" && toolCalls.length > 0);
  if (replayHere) {
    const reasoning = clean(message.reasoning ?? "");
    if (message.reasoningField === "think-tag") {
      if (reasoning) content = `<think>${reasoning}</think>${content ?? ""}`;
    } else if (reasoning || !model?.replayRejectsEmpty) {
      const field = message.reasoningField && WIRE_REASONING_FIELDS.has(message.reasoningField) ? message.reasoningField : "reasoning_content";
      wire[field] = reasoning;
    }
  }
  wire.content = content ?? (toolCalls.length > 0 ? null : "");
  if (toolCalls.length > 0) {
    wire.tool_calls = toolCalls.map((call) => ({
      id: call.id,
      type: "function",
      function: { name: call.name, arguments: call.arguments.trim() === "" ? "{}" : clean(call.arguments) },
    }));
  }
  return wire;
}

function toWirePart(part: ContentPart): Record<string, unknown> {
  return part.type === "text" ? { type: "text", text: clean(part.text) } : { type: "image_url", image_url: { url: part.url } };
}

/** Tool results go back as text: most open-model gateways reject image parts in tool messages. */
function toolContent(content: string | ContentPart[]): string {
  if (typeof content === "string") return clean(content);
  return content.map((part) => (part.type === "text" ? clean(part.text) : `[image: ${part.mediaType ?? "image"} omitted]`)).join("\n");
}

const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

function clean(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}
