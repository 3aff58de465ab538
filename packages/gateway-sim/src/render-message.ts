/**
 * Canonical text of one chat message as a chat template would lay it out: role, reasoning that
 * was sent back, content, tool calls and the tool-call id of a tool result. Two messages render
 * the same exactly when a real server would see the same tokens, so `content: null` and
 * `content: ""` agree, but dropping reasoning or reordering tool-call fields does not.
 */
export function renderMessage(message: unknown): string {
  if (typeof message !== "object" || message === null) return `<|invalid|>${String(message)}`;
  const record = message as Record<string, unknown>;
  const role = typeof record.role === "string" ? record.role : "unknown";
  let text = `<|${role}|>`;
  if (typeof record.name === "string") text += `${record.name}\n`;
  const reasoning = reasoningText(record);
  if (reasoning !== "") text += `<think>${reasoning}</think>`;
  text += contentText(record.content);
  if (Array.isArray(record.tool_calls)) {
    for (const call of record.tool_calls) text += renderToolCall(call);
  }
  if (typeof record.tool_call_id === "string") text += `<|call_id|>${record.tool_call_id}`;
  return `${text}<|end|>`;
}

/** The plain text of a message's `content`: a string, or the text of its parts. */
export function contentText(content: unknown): string {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  let text = "";
  for (const part of content) {
    if (typeof part === "string") text += part;
    else if (typeof part === "object" && part !== null) {
      const record = part as Record<string, unknown>;
      if (typeof record.text === "string") text += record.text;
      else if (typeof record.image_url === "object" && record.image_url !== null) {
        const url = (record.image_url as Record<string, unknown>).url;
        text += `<|image|>${typeof url === "string" ? url.slice(0, 256) : ""}`;
      }
    }
  }
  return text;
}

/** Reasoning a client sent back on an assistant turn, under any of the field names in use. */
export function reasoningText(record: Record<string, unknown>): string {
  if (typeof record.reasoning_content === "string") return record.reasoning_content;
  if (typeof record.reasoning === "string") return record.reasoning;
  if (Array.isArray(record.reasoning_details)) {
    let text = "";
    for (const detail of record.reasoning_details) {
      if (typeof detail === "object" && detail !== null) {
        const value = (detail as Record<string, unknown>).text;
        if (typeof value === "string") text += value;
      }
    }
    return text;
  }
  return "";
}

function renderToolCall(call: unknown): string {
  if (typeof call !== "object" || call === null) return "<|tool_call|><|/tool_call|>";
  const record = call as Record<string, unknown>;
  const fn = typeof record.function === "object" && record.function !== null ? (record.function as Record<string, unknown>) : {};
  const id = typeof record.id === "string" ? record.id : "";
  const name = typeof fn.name === "string" ? fn.name : "";
  const args = fn.arguments;
  const argsText = typeof args === "string" ? args : args === undefined ? "" : JSON.stringify(args);
  return `<|tool_call|>${id} ${name} ${argsText}<|/tool_call|>`;
}
