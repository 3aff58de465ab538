import { isToolName } from "../is-tool-name.js";
import type { ExtractedToolCall } from "../types.js";
import type { BlockResult, ParseContext } from "./block-result.js";

/** Opens a Harmony message with its role header. */
export const HARMONY_START = "<|start|>";
/** Opens a message's channel header; the first message of a completion starts here. */
export const HARMONY_CHANNEL = "<|channel|>";
const MESSAGE = "<|message|>";
const END = "<|end|>";
const CALL = "<|call|>";
const RETURN = "<|return|>";
const STRAY_TOKENS = /<\|(?:end|call|return|constrain)\|>/g;
const TERMINATORS = [END, CALL, RETURN, HARMONY_START, HARMONY_CHANNEL] as const;
const RECIPIENT = /to=([^\s<]+)/;

interface HarmonyMessage {
  kind: "message";
  channel: string;
  recipient: string | undefined;
  body: string;
}

type RegionItem = HarmonyMessage | { kind: "text"; text: string };

/**
 * How far a recipient-first header (`to=functions.f<|channel|>…`, as generated right after
 * `<|start|>assistant`) reaches at `index`: the index of its `<|channel|>`, -1 when there is none,
 * or "incomplete" when the text ends before that is known.
 */
export function recipientHeaderChannelAt(text: string, index: number, final: boolean): number | "incomplete" {
  if (!text.startsWith("to=", index)) return -1;
  let position = index + 3;
  while (position < text.length && !/[\s<]/.test(text.charAt(position))) position += 1;
  if (position >= text.length) return final ? -1 : "incomplete";
  if (position === index + 3) return -1;
  while (position < text.length && /\s/.test(text.charAt(position))) position += 1;
  const rest = text.slice(position, position + HARMONY_CHANNEL.length);
  if (rest === HARMONY_CHANNEL) return position;
  if (!final && HARMONY_CHANNEL.startsWith(rest)) return "incomplete";
  return -1;
}

function nextHeaderStart(text: string, from: number): number {
  const startAt = text.indexOf(HARMONY_START, from);
  let channelAt = text.indexOf(HARMONY_CHANNEL, from);
  if (channelAt >= 0) {
    const recipientFirst = /(?:^|\s)(to=[^\s<]+\s*)$/.exec(text.slice(from, channelAt));
    if (recipientFirst?.[1] !== undefined) channelAt -= recipientFirst[1].length;
  }
  const candidates = [startAt, channelAt].filter((at) => at >= 0);
  return candidates.length > 0 ? Math.min(...candidates) : text.length;
}

/** Reads one message header + body at `index`; undefined when the header is malformed. */
function readMessage(text: string, index: number): { message: HarmonyMessage; end: number } | undefined {
  let position = index;
  let recipient: string | undefined;
  if (text.startsWith(HARMONY_START, position)) {
    position += HARMONY_START.length;
    const roleEnd = text.indexOf("<|", position);
    if (roleEnd < 0) return undefined;
    recipient = RECIPIENT.exec(text.slice(position, roleEnd))?.[1];
    position = roleEnd;
  } else if (text.startsWith("to=", position)) {
    const channelAt = recipientHeaderChannelAt(text, position, true);
    if (typeof channelAt !== "number" || channelAt < 0) return undefined;
    recipient = RECIPIENT.exec(text.slice(position, channelAt))?.[1];
    position = channelAt;
  }
  if (!text.startsWith(HARMONY_CHANNEL, position)) return undefined;
  position += HARMONY_CHANNEL.length;
  const messageAt = text.indexOf(MESSAGE, position);
  if (messageAt < 0) return undefined;
  const header = text.slice(position, messageAt);
  if (header.includes(HARMONY_START) || header.includes(HARMONY_CHANNEL)) return undefined;
  recipient ??= RECIPIENT.exec(header)?.[1];
  const channel = /^\s*([\w-]*)/.exec(header)?.[1] ?? "";
  const bodyStart = messageAt + MESSAGE.length;
  let bodyEnd = text.length;
  let terminator = "";
  for (const token of TERMINATORS) {
    const at = text.indexOf(token, bodyStart);
    if (at >= 0 && at < bodyEnd) {
      bodyEnd = at;
      terminator = token;
    }
  }
  const consumed = terminator === END || terminator === CALL || terminator === RETURN ? terminator.length : 0;
  return { message: { kind: "message", channel, recipient, body: text.slice(bodyStart, bodyEnd) }, end: bodyEnd + consumed };
}

function readRegion(text: string, start: number): RegionItem[] {
  const items: RegionItem[] = [];
  let position = start;
  while (position < text.length) {
    const read = readMessage(text, position);
    if (read) {
      items.push(read.message);
      position = read.end;
      continue;
    }
    const next = nextHeaderStart(text, position + 1);
    items.push({ kind: "text", text: text.slice(position, next).replace(STRAY_TOKENS, "") });
    position = next;
  }
  return items;
}

function callFromMessage(message: HarmonyMessage): ExtractedToolCall | undefined {
  if (message.recipient === undefined) return undefined;
  const name = message.recipient.replace(/^functions\./, "");
  if (!isToolName(name)) return undefined;
  try {
    const value: unknown = JSON.parse(message.body.trim());
    if (typeof value !== "object" || value === null || Array.isArray(value)) return undefined;
    return { name, arguments: value as Record<string, unknown> };
  } catch {
    return undefined;
  }
}

/**
 * gpt-oss Harmony transcripts leaked as text: `<|start|>assistant<|channel|>commentary
 * to=functions.NAME <|constrain|>json<|message|>{…}<|call|>`, with the header variants the
 * reference tests use. A message addressed to a function with a JSON object body is a call.
 * Because a call can come last, the whole transcript is read at the end of the text. With no call
 * it is left untouched; with calls, `analysis` bodies become reasoning, preambles and final text
 * before the first call stay content, and anything after a call is dropped (a call ends the turn).
 */
export function parseHarmonyRegion(text: string, start: number, context: ParseContext): BlockResult {
  if (!context.final) return { kind: "incomplete" };
  const items = readRegion(text, start);
  const calls: ExtractedToolCall[] = [];
  const content: string[] = [];
  const reasoning: string[] = [];
  for (const item of items) {
    if (item.kind === "text") {
      if (calls.length === 0) content.push(item.text);
      continue;
    }
    const call = callFromMessage(item);
    if (call) calls.push(call);
    else if (item.channel === "analysis") reasoning.push(item.body);
    else if (calls.length === 0 && item.recipient === undefined) content.push(item.body);
  }
  if (calls.length === 0) return { kind: "text", end: text.length };
  const block: BlockResult = { kind: "block", end: text.length, calls, content: content.join(""), dropFollowingText: true };
  if (reasoning.length > 0) block.reasoning = reasoning.join("\n");
  return block;
}
