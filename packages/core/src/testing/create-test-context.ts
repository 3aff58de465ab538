import type { ChatMessage, ChatRequest, ChatResponse, ToolDefinition } from "../chat.js";
import type { CompactionInfo, TurnContext } from "../context.js";
import type { FeedEvent } from "../feed-event.js";
import type { ResolvedModel } from "../model-ref.js";
import { type CanonicalModelId, ModelRegistry } from "../model-registry.js";
import { TokenCounter } from "../tokens/token-counter.js";
import { newerMessages } from "../newer-messages.js";

export interface TestContextOptions {
  model?: string | ResolvedModel;
  gateway?: string;
  /** The configured gateway order and fallback models (the gateway alone by default). */
  route?: { gateways?: readonly string[]; fallbackModels?: readonly string[] };
  models?: ModelRegistry;
  messages?: ChatMessage[];
  tools?: ToolDefinition[];
  /** Answers side requests (summaries); without it `complete` rejects. */
  complete?: (request: ChatRequest) => Promise<ChatResponse>;
  emit?: (event: FeedEvent) => void;
  attempt?: number;
  compactRequested?: boolean;
  signal?: AbortSignal;
  /** What the session being continued saved (`SessionContext.saved`). */
  saved?: Record<string, unknown>;
}

/** A turn context as the agent builds it, plus what a test needs to look at afterwards. */
export interface TestContext extends TurnContext {
  /** Feed events emitted through the context. */
  readonly events: FeedEvent[];
  /** Every conversation replacement, in order. */
  readonly replacements: Array<{ messages: ChatMessage[]; info: CompactionInfo }>;
  /** Every `save`, in order. */
  readonly saves: Array<{ key: string; value: unknown }>;
}

/**
 * A real {@link TurnContext} for plugin tests, without an agent or a network: a real token
 * counter, an in-memory conversation that `replace` really replaces, and the given registry.
 */
export function createTestContext(options: TestContextOptions = {}): TestContext {
  const models = options.models ?? new ModelRegistry();
  const gateway = options.gateway ?? "test-gateway";
  const model: ResolvedModel =
    typeof options.model === "object"
      ? options.model
      : { input: options.model ?? "test-model", id: (options.model ?? "test-model") as CanonicalModelId, known: models.has((options.model ?? "test-model") as CanonicalModelId) };
  let messages = [...(options.messages ?? [])];
  const events: FeedEvent[] = [];
  const replacements: TestContext["replacements"] = [];
  const saves: TestContext["saves"] = [];
  const saved = new Map(Object.entries(options.saved ?? {}));
  return {
    sessionId: "test-session",
    model,
    gateway,
    route: { gateways: options.route?.gateways ?? [gateway], fallbackModels: options.route?.fallbackModels ?? [] },
    models,
    state: new Map(),
    saved,
    save(key, value) {
      saved.set(key, value);
      saves.push({ key, value });
    },
    tokens: new TokenCounter(),
    conversation: {
      messages: () => messages,
      replace(next, info, basis) {
        const newer = newerMessages(messages, basis);
        if (newer === undefined) return false;
        messages = [...next, ...newer];
        replacements.push({ messages: messages, info });
        return true;
      },
    },
    limits: () => models.limits(model.id, gateway),
    complete: (request) => (options.complete ? options.complete(request) : Promise.reject(new Error("this test context sends no side request"))),
    emit(event) {
      events.push(event);
      options.emit?.(event);
    },
    turn: 1,
    attempt: options.attempt ?? 0,
    signal: options.signal ?? new AbortController().signal,
    compactRequested: options.compactRequested ?? false,
    tools: options.tools ?? [],
    events,
    replacements,
    saves,
  };
}
