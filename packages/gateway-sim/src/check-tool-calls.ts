/** What a strict gateway refuses in a conversation, with the parameter it names. */
export interface ToolCallProblem {
  message: string;
  param: string;
}

/** Message keys an OpenAI-compatible chat request may carry (reasoning fields included). */
const MESSAGE_KEYS = new Set(["role", "content", "name", "tool_calls", "tool_call_id", "reasoning_content", "reasoning", "reasoning_text", "refusal"]);

/**
 * The first problem a strict gateway finds with the conversation's tool calls, in OpenAI's
 * wording: a call id longer than `maxLength` ("string too long", what OpenAI itself and routers in
 * front of it answer); with `strict`, also an id two calls share, a tool message that answers no
 * open call, a call left without its result, and message keys the API does not know (a foreign
 * model's reasoning signature or redacted thinking sent back). An empty or missing id counts
 * as a problem whenever either check is on.
 */
export function checkToolCalls(messages: readonly unknown[], rules: { maxLength: number | undefined; strict: boolean }): ToolCallProblem | undefined {
  if (!rules.strict && rules.maxLength === undefined) return undefined;
  const seen = new Set<string>();
  let open: string[] = [];
  let openAt = -1;
  for (const [index, raw] of messages.entries()) {
    if (typeof raw !== "object" || raw === null) continue;
    const message = raw as Record<string, unknown>;
    if (rules.strict) {
      const unknown = Object.keys(message).find((key) => !MESSAGE_KEYS.has(key));
      if (unknown !== undefined) return { message: `Additional properties are not allowed ('${unknown}' was unexpected) - 'messages.${index}'`, param: `messages[${index}]` };
    }
    if (message.role === "tool") {
      const id = message.tool_call_id;
      const at = typeof id === "string" ? open.indexOf(id) : -1;
      if (rules.strict && at < 0) {
        return { message: "Invalid parameter: messages with role 'tool' must be a response to a preceeding message with 'tool_calls'.", param: `messages[${index}].role` };
      }
      if (at >= 0) open.splice(at, 1);
      continue;
    }
    if (rules.strict && open.length > 0) return unanswered(open, openAt);
    open = [];
    if (message.role !== "assistant" || !Array.isArray(message.tool_calls)) continue;
    for (const [position, call] of (message.tool_calls as unknown[]).entries()) {
      const id = typeof call === "object" && call !== null ? (call as Record<string, unknown>).id : undefined;
      const param = `messages[${index}].tool_calls[${position}].id`;
      if (typeof id !== "string" || id === "") return { message: `Invalid '${param}': expected a non-empty string.`, param };
      if (rules.maxLength !== undefined && id.length > rules.maxLength) {
        return { message: `Invalid '${param}': string too long. Expected a string with maximum length ${rules.maxLength}, but got a string with length ${id.length} instead.`, param };
      }
      if (rules.strict && seen.has(id)) return { message: `Invalid '${param}': duplicate tool call id '${id}'.`, param };
      seen.add(id);
      open.push(id);
    }
    openAt = index;
  }
  return rules.strict && open.length > 0 ? unanswered(open, openAt) : undefined;
}

function unanswered(ids: readonly string[], index: number): ToolCallProblem {
  return {
    message: `An assistant message with 'tool_calls' must be followed by tool messages responding to each 'tool_call_id'. The following tool_call_ids did not have response messages: ${ids.join(", ")}`,
    param: `messages[${index}]`,
  };
}
