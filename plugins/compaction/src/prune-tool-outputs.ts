import type { AssistantMessage, ChatMessage, ToolCall } from "@bridle/core";
import { messageLength } from "./message-content.js";
import type { MessageCounter } from "./message-counter.js";
import { isPrunedStub, toolOutputStub } from "./tool-output-stub.js";

/** Tokens a stub costs, roughly; used to estimate what pruning frees before doing it. */
export const STUB_TOKENS = 70;
/** Reasoning longer than this is shortened by a hard prune. */
const LONG_REASONING_CHARS = 2000;
/** A string value in tool-call arguments longer than this is shortened by a hard prune. */
const LONG_ARGUMENT_CHARS = 1000;

/** Which messages a prune may touch, and how hard it prunes. */
export interface PruneOptions {
  /** Messages from this index on are the protected recent turns and stay as they are. */
  protectFrom: number;
  /** Tool outputs with fewer tokens than this stay. */
  minTokens: number;
  /** Also shorten long reasoning and long argument values of old assistant messages. */
  hard: boolean;
}

/** The pruned conversation and what changed. */
export interface PruneResult {
  /** The pruned conversation; the input array itself when nothing changed. */
  messages: ChatMessage[];
  /** Tool outputs replaced by stubs. */
  prunedOutputs: number;
  /** Assistant messages whose reasoning or arguments were shortened. */
  shortenedMessages: number;
  changed: boolean;
}

/**
 * Replaces old tool outputs (before `protectFrom`, at least `minTokens`) with stubs that say what
 * was removed and how to get it back; a hard prune also shortens long reasoning and long argument
 * values (a file written in full, say) of old assistant messages, keeping the arguments valid JSON.
 *
 * Deterministic and idempotent: stubs depend only on the message, so pruning twice gives the same
 * bytes, and messages that were already stubs are left alone. Roles, ids and order never change,
 * so calls and results stay paired.
 */
export function pruneToolOutputs(messages: readonly ChatMessage[], options: PruneOptions, counter: MessageCounter): PruneResult {
  const calls = callsById(messages, options.protectFrom);
  let output: ChatMessage[] | undefined;
  let prunedOutputs = 0;
  let shortenedMessages = 0;
  const end = Math.min(options.protectFrom, messages.length);
  for (let index = 0; index < end; index++) {
    const message = messages[index]!;
    let replacement: ChatMessage | undefined;
    if (message.role === "tool") {
      if (!isPrunedStub(message)) {
        const tokens = counter.countMessage(message);
        if (tokens >= options.minTokens && tokens > STUB_TOKENS) {
          replacement = toolOutputStub(message, calls.get(message.toolCallId), tokens);
          prunedOutputs += 1;
        }
      }
    } else if (options.hard && message.role === "assistant") {
      replacement = shortenAssistant(message);
      if (replacement) shortenedMessages += 1;
    }
    if (replacement) {
      output ??= messages.slice(0, index);
      output.push(replacement);
    } else {
      output?.push(message);
    }
  }
  if (!output) return { messages: messages as ChatMessage[], prunedOutputs: 0, shortenedMessages: 0, changed: false };
  for (let index = end; index < messages.length; index++) output.push(messages[index]!);
  return { messages: output, prunedOutputs, shortenedMessages, changed: true };
}

/**
 * About how many tokens {@link pruneToolOutputs} would free with these options, without building
 * anything: cheap enough to ask on every request that is past a tier.
 */
export function prunableTokens(messages: readonly ChatMessage[], options: PruneOptions, counter: MessageCounter): number {
  let tokens = 0;
  const end = Math.min(options.protectFrom, messages.length);
  for (let index = 0; index < end; index++) {
    const message = messages[index]!;
    if (message.role === "tool") {
      if (isPrunedStub(message)) continue;
      const count = counter.countMessage(message);
      if (count >= options.minTokens && count > STUB_TOKENS) tokens += count - STUB_TOKENS;
    } else if (options.hard && message.role === "assistant") {
      const removable = removableCharacters(message);
      if (removable > 0) tokens += Math.floor((removable * counter.countMessage(message)) / Math.max(1, messageLength(message)));
    }
  }
  return tokens;
}

function callsById(messages: readonly ChatMessage[], end: number): Map<string, ToolCall> {
  const calls = new Map<string, ToolCall>();
  for (let index = 0; index < Math.min(end, messages.length); index++) {
    const message = messages[index]!;
    if (message.role === "assistant") for (const call of message.toolCalls ?? []) calls.set(call.id, call);
  }
  return calls;
}

/** The assistant message with long reasoning and long argument values shortened, or `undefined`. */
function shortenAssistant(message: AssistantMessage): AssistantMessage | undefined {
  let changed = false;
  let reasoning = message.reasoning;
  if (reasoning !== undefined && reasoning.length > LONG_REASONING_CHARS) {
    // Kept non-empty: some APIs reject an empty replayed reasoning field.
    reasoning = `[reasoning pruned: ${reasoning.length.toLocaleString("en-US")} characters]`;
    changed = true;
  }
  let toolCalls = message.toolCalls;
  if (toolCalls) {
    const shortened = toolCalls.map((call) => {
      const text = shortenArguments(call.arguments);
      return text === undefined ? call : { ...call, arguments: text };
    });
    if (shortened.some((call, index) => call !== toolCalls![index])) {
      toolCalls = shortened;
      changed = true;
    }
  }
  if (!changed) return undefined;
  return { ...message, ...(reasoning !== undefined ? { reasoning } : {}), ...(toolCalls ? { toolCalls } : {}) };
}

/** Removable characters per assistant message: messages are immutable, and parsing arguments on every request past a tier would add up. */
const removableCache = new WeakMap<AssistantMessage, number>();

function removableCharacters(message: AssistantMessage): number {
  const cached = removableCache.get(message);
  if (cached !== undefined) return cached;
  let characters = 0;
  if (message.reasoning !== undefined && message.reasoning.length > LONG_REASONING_CHARS) characters += message.reasoning.length - 60;
  for (const call of message.toolCalls ?? []) {
    const text = shortenArguments(call.arguments);
    if (text !== undefined) characters += call.arguments.length - text.length;
  }
  removableCache.set(message, characters);
  return characters;
}

/** Arguments with long string values replaced by a note, still valid JSON; `undefined` when unchanged. */
function shortenArguments(text: string): string | undefined {
  if (text.length <= LONG_ARGUMENT_CHARS) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  let changed = false;
  const walk = (value: unknown): unknown => {
    if (typeof value === "string") {
      if (value.length <= LONG_ARGUMENT_CHARS) return value;
      changed = true;
      return `[argument pruned: ${value.length.toLocaleString("en-US")} characters]`;
    }
    if (Array.isArray(value)) return value.map(walk);
    if (typeof value === "object" && value !== null) return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, walk(inner)]));
    return value;
  };
  const result = walk(parsed);
  return changed ? JSON.stringify(result) : undefined;
}
