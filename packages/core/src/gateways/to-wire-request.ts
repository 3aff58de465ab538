import type { AssistantMessage, ChatMessage, ChatRequest, ContentPart } from "../chat.js";
import type { ModelInfo, ReasoningReplay } from "../model-registry.js";
import type { GatewayDefinition, NegotiatedCapabilities, WireContext, WireRequest } from "./gateway-definition.js";
import { MESSAGE_FIELD, NO_CAPABILITIES } from "./negotiate.js";
import { normalizeToolCallIds, type ToolCallIdRule } from "./normalize-tool-call-ids.js";

/** What the wire step needs besides the definition and the request. */
export interface WireTarget {
  slug: string;
  model: ModelInfo | undefined;
  capabilities?: NegotiatedCapabilities;
}

/** Wire fields reasoning may be replayed under when it came in one of them. */
const WIRE_REASONING_FIELDS = new Set(["reasoning_content", "reasoning", "reasoning_text"]);

/**
 * The wire step, as a pure function of a gateway definition and a request: the slug instead of
 * the canonical id, the gateway's name for the output limit, usage in the stream, reasoning
 * replayed as the model family requires on this gateway, tool-call ids kept verbatim unless the
 * gateway cannot take them for this model (`normalizeToolCallIds`), reasoning wishes and the
 * affinity key spelled the gateway's way, plugin fields, what negotiation learned (dropped and renamed fields), the fields the gateway
 * never takes, then the definition's own `wire` code. Usable without the agent loop (a proxy).
 */
export function toWireRequest(gateway: GatewayDefinition, request: ChatRequest, target: WireTarget, context?: Omit<WireContext, "request" | "slug" | "model" | "capabilities">): WireRequest {
  const capabilities = target.capabilities ?? NO_CAPABILITIES;
  const replay = replayPolicy(gateway, target.model, capabilities);
  const conversation = normalizeToolCallIds(request.messages, toolCallIdRule(gateway, target.model));
  const body: Record<string, unknown> = {
    model: target.slug,
    messages: conversation.map((message) => withoutRefused(toWireMessage(message, replay), replay.refused)),
    stream: true,
    [gateway.request?.maxTokensField ?? "max_tokens"]: request.maxOutputTokens,
  };
  if (gateway.request?.streamUsage !== false) body.stream_options = { include_usage: true };
  if (request.tools.length > 0) {
    body.tools = request.tools.map((tool) => ({
      type: "function",
      function: { name: tool.name, description: tool.description, parameters: tool.parameters },
    }));
  }
  if (request.temperature !== undefined) body.temperature = request.temperature;
  const headers: Record<string, string> = { ...gateway.request?.headers, ...request.headers };
  applyReasoningWishes(body, gateway, request.reasoning);
  if (request.affinityKey !== undefined) {
    if (gateway.affinity?.bodyField) body[gateway.affinity.bodyField] = request.affinityKey;
    if (gateway.affinity?.header) headers[gateway.affinity.header] = request.affinityKey;
  }
  Object.assign(body, gateway.request?.body, request.body);
  for (const [from, to] of Object.entries(capabilities.renamed)) {
    if (from in body) {
      body[to] = body[from];
      delete body[from];
    }
  }
  for (const field of gateway.request?.drop ?? []) delete body[field];
  for (const field of capabilities.dropped) delete body[field];
  const wire = { body, headers };
  const shape = gateway.hooks?.wire;
  if (!shape) return wire;
  const endpoint = context?.endpoint ?? { id: gateway.id, baseURL: gateway.baseURL };
  const resolved = context?.gateway ?? { ...gateway, local: gateway.local === true, source: { kind: "config", file: "" }, configuredBy: [] };
  return shape(wire, { request, gateway: resolved, endpoint, model: target.model, slug: target.slug, capabilities });
}

/** The gateway's id rule for this model: its family's form when it names one, else its limit and pattern. */
function toolCallIdRule(gateway: GatewayDefinition, model: ModelInfo | undefined): ToolCallIdRule {
  const policy = gateway.toolCallIds;
  const form = model?.family !== undefined ? policy?.families?.[model.family] : undefined;
  if (form) return { form };
  return { ...(policy?.maxLength !== undefined ? { maxLength: policy.maxLength } : {}), ...(policy?.pattern ? { pattern: policy.pattern } : {}) };
}

interface ReplayRule {
  policy: ReasoningReplay;
  /** Field to send reasoning back under, overriding the one it came in. */
  field: string | undefined;
  rejectsEmpty: boolean;
  /** Message keys the gateway refused (negotiated): never sent, reasoning goes under another name. */
  refused: ReadonlySet<string>;
}

/** Negotiation (the gateway said so) wins, then the gateway's rule for the family, then the model's own. */
function replayPolicy(gateway: GatewayDefinition, model: ModelInfo | undefined, capabilities: NegotiatedCapabilities): ReplayRule {
  const family = model?.family;
  const forFamily = family !== undefined ? gateway.reasoning?.replay?.[family] : undefined;
  const policy: ReasoningReplay = capabilities.replay ? "all-turns" : (forFamily ?? model?.reasoningReplay ?? "drop");
  return {
    policy,
    field: capabilities.replay?.field ?? gateway.reasoning?.replayField,
    rejectsEmpty: model?.replayRejectsEmpty === true,
    refused: new Set(capabilities.dropped.filter((field) => field.startsWith(MESSAGE_FIELD)).map((field) => field.slice(MESSAGE_FIELD.length))),
  };
}

function applyReasoningWishes(body: Record<string, unknown>, gateway: GatewayDefinition, wishes: ChatRequest["reasoning"]): void {
  if (!wishes) return;
  const shape = gateway.reasoning;
  if (wishes.enabled !== undefined && shape?.toggle) Object.assign(body, wishes.enabled ? shape.toggle.on : shape.toggle.off);
  if (wishes.effort !== undefined && shape?.effort) {
    setPath(body, shape.effort.field, shape.effort.values?.[wishes.effort] ?? wishes.effort);
  }
}

function setPath(body: Record<string, unknown>, dotted: string, value: unknown): void {
  const steps = dotted.split(".");
  let node = body;
  for (const step of steps.slice(0, -1)) {
    const next = node[step];
    node = node[step] = typeof next === "object" && next !== null ? { ...(next as Record<string, unknown>) } : {};
  }
  node[steps.at(-1)!] = value;
}

function toWireMessage(message: ChatMessage, replay: ReplayRule): Record<string, unknown> {
  switch (message.role) {
    case "system":
      return { role: "system", content: clean(message.content) };
    case "user":
      return { role: "user", content: typeof message.content === "string" ? clean(message.content) : message.content.map(toWirePart) };
    case "tool":
      return { role: "tool", tool_call_id: message.toolCallId, content: toolContent(message.content) };
    case "assistant":
      return toWireAssistant(message, replay);
  }
}

function toWireAssistant(message: AssistantMessage, replay: ReplayRule): Record<string, unknown> {
  const toolCalls = message.toolCalls ?? [];
  let content = message.content === null ? null : clean(message.content);
  const wire: Record<string, unknown> = { role: "assistant" };
  const replayHere = replay.policy === "all-turns" || (replay.policy === "tool-turns" && toolCalls.length > 0);
  if (replayHere) {
    const reasoning = clean(message.reasoning ?? "");
    if (message.reasoningField === "think-tag" && replay.field === undefined) {
      if (reasoning) content = `<think>${reasoning}</think>${content ?? ""}`;
    } else if (reasoning || !replay.rejectsEmpty) {
      // Sent back under the field it came in, unless the gateway asks for its own name or refused that one.
      const came = message.reasoningField && WIRE_REASONING_FIELDS.has(message.reasoningField) ? message.reasoningField : undefined;
      const field = acceptedReasoningField(replay.field ?? came ?? "reasoning_content", replay.refused);
      if (field) wire[field] = reasoning;
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

/** `preferred`, or the other common reasoning field when the gateway refused it; none when both are refused. */
function acceptedReasoningField(preferred: string, refused: ReadonlySet<string>): string | undefined {
  if (!refused.has(preferred)) return preferred;
  return ["reasoning", "reasoning_content"].find((field) => field !== preferred && !refused.has(field));
}

function withoutRefused(wire: Record<string, unknown>, refused: ReadonlySet<string>): Record<string, unknown> {
  for (const key of refused) delete wire[key];
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

/** Unpaired surrogates break JSON on several providers. */
function clean(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD");
}
