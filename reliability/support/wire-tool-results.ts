/** A chat message as a request body carries it. */
interface WireMessage {
  role: string;
  content?: unknown;
  tool_call_id?: string;
  tool_calls?: Array<{ id: string; function: { name: string; arguments: string } }>;
}

/**
 * The tool results a request sent the gateway, each with the call it answers. On the wire a call
 * has the id form the target model needs (Kimi: `functions.NAME:N`), not the id the scripted
 * model gave, so a test finds a result by what its call asked for.
 */
export function wireToolResults(body: unknown): Array<{ name: string; arguments: string; content: string }> {
  const messages = (body as { messages: WireMessage[] }).messages;
  const calls = new Map(messages.flatMap((message) => message.tool_calls ?? []).map((call) => [call.id, call.function]));
  return messages
    .filter((message) => message.role === "tool")
    .map((message) => {
      const call = calls.get(message.tool_call_id ?? "");
      return { name: call?.name ?? "", arguments: call?.arguments ?? "", content: typeof message.content === "string" ? message.content : JSON.stringify(message.content) };
    });
}

/** The content of the one tool result whose call's arguments contain `fragment`. */
export function wireToolResult(body: unknown, fragment: string): string {
  const found = wireToolResults(body).filter((result) => result.arguments.includes(fragment));
  if (found.length !== 1) throw new Error(`expected one tool result for a call with ${JSON.stringify(fragment)}, found ${found.length}`);
  return found[0]!.content;
}
