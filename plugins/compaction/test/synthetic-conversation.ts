import type { AssistantMessage, ChatMessage, ToolMessage, UserMessage } from "@bridle/core";

const VOCABULARY = [
  "function", "return", "const", "value", "import", "module", "parser", "token", "window", "session", "request", "gateway",
  "model", "compact", "summary", "record", "buffer", "stream", "error", "handler", "config", "plugin", "kernel", "agent",
  "file", "path", "line", "column", "index", "length", "string", "number", "array", "object", "promise", "await",
] as const;

/** Deterministic filler text of about `count` tokens (one vocabulary word is one o200k token). */
export function words(count: number, seed = 1): string {
  let state = seed >>> 0 || 1;
  const parts: string[] = [];
  for (let index = 0; index < count; index++) {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    parts.push(VOCABULARY[state % VOCABULARY.length]!);
    if (index % 16 === 15) parts.push("\n");
  }
  return parts.join(" ");
}

export interface TurnShape {
  /** Tokens of the user message. */
  user?: number;
  /** Tokens of the tool output (0: no tool call in this turn). */
  tool?: number;
  /** Tokens of the final answer. */
  answer?: number;
  /** Tool name for the call. */
  toolName?: string;
}

/**
 * One agent turn: the user asks, the assistant calls a tool on a file, the tool answers, the
 * assistant answers. Ids and texts depend only on `index`, so conversations are reproducible.
 */
export function syntheticTurn(index: number, shape: TurnShape = {}): ChatMessage[] {
  const user: UserMessage = { role: "user", content: `Task ${index}: ${words(shape.user ?? 40, index * 7 + 1)}` };
  const messages: ChatMessage[] = [user];
  if ((shape.tool ?? 300) > 0) {
    const id = `call_${index}`;
    const name = shape.toolName ?? "read";
    const call: AssistantMessage = { role: "assistant", content: null, toolCalls: [{ id, name, arguments: JSON.stringify({ path: `src/file-${index}.ts` }) }] };
    const result: ToolMessage = { role: "tool", toolCallId: id, name, content: words(shape.tool ?? 300, index * 7 + 3) };
    messages.push(call, result);
  }
  messages.push({ role: "assistant", content: `Done with task ${index}. ${words(shape.answer ?? 60, index * 7 + 5)}` });
  return messages;
}

/** `turns` synthetic turns, oldest first. */
export function syntheticConversation(turns: number, shape: TurnShape = {}, firstIndex = 1): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (let index = firstIndex; index < firstIndex + turns; index++) messages.push(...syntheticTurn(index, shape));
  return messages;
}
