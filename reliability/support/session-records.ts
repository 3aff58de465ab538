import type { SessionRecord } from "@bridle/core";

/** The contents of the assistant messages of a session file, in order (text, or `null` with tool calls only). */
export function assistantContents(records: readonly SessionRecord[]): Array<string | null> {
  return records.flatMap((record) => (record.type === "message" && record.message.role === "assistant" ? [typeof record.message.content === "string" ? record.message.content : null] : []));
}

/** The user messages of a session file, in order. */
export function userContents(records: readonly SessionRecord[]): string[] {
  return records.flatMap((record) => (record.type === "message" && record.message.role === "user" && typeof record.message.content === "string" ? [record.message.content] : []));
}

/** The feed events a session file kept, as `{ type, message }`, in order. */
export function feedEvents(records: readonly SessionRecord[]): Array<{ type: string; message: string }> {
  return records.flatMap((record) => (record.type === "feed" ? [{ type: record.event.type, message: record.event.message }] : []));
}

/** The records of one type, typed. */
export function recordsOf<T extends SessionRecord["type"]>(records: readonly SessionRecord[], type: T): Array<Extract<SessionRecord, { type: T }>> {
  return records.filter((record): record is Extract<SessionRecord, { type: T }> => record.type === type);
}
