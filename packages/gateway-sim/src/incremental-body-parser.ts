/** A parsed request body remembered so that the next request of the conversation can reuse it. */
export interface RememberedBody {
  /** The body bytes. */
  readonly bytes: Buffer;
  /** Byte offset of the first character inside the top-level `messages` array. */
  readonly messagesStart: number;
  /** `ends[j]`: byte offset just past message j's JSON text, for the messages whose text is known. */
  readonly ends: readonly number[];
  /** The parsed messages; the next body shares these objects for its unchanged messages. */
  readonly messages: readonly unknown[];
  /** Prompt-trie states per message, attached by the simulator once it has walked them. */
  states: readonly unknown[] | undefined;
  /** What the states hang from (the tools segment state) and the trie generation they belong to. */
  statesRoot: unknown;
  statesGeneration: number;
}

/** The result of parsing one request body. */
export interface ParsedBody {
  readonly value: unknown;
  /** The remembered form of this body, when it has a top-level `messages` array. */
  readonly remembered: RememberedBody | undefined;
  /** The earlier body whose messages were reused, and how many of them. */
  readonly base: RememberedBody | undefined;
  readonly reusedMessages: number;
}

const MESSAGES_KEY = Buffer.from('"messages":[');
const COMMA = 44;
const CLOSE_BRACKET = 93;

/**
 * Parses chat request bodies, decoding and parsing only what changed since a recent body. An
 * agent sends the whole conversation every turn, and a client serializing with
 * `JSON.stringify` produces the same bytes for every unchanged message, so the new body's
 * message bytes are compared with a remembered body's (a memcmp, far cheaper than decoding and
 * parsing 100k tokens of text), the matching leading messages are replaced by a placeholder,
 * and only the rest is decoded and parsed. The result is checked (the placeholder must land as
 * the first element of the top-level `messages`), and anything unexpected falls back to a full
 * `JSON.parse`, so the value is always what `JSON.parse` gives for the body.
 */
export class IncrementalBodyParser {
  private readonly recent: RememberedBody[] = [];

  /** @param capacity bodies remembered (distinct conversations that can interleave) */
  constructor(private readonly capacity = 8) {}

  /** Parses a UTF-8 JSON body; throws a SyntaxError like `JSON.parse` for invalid JSON. */
  parse(bytes: Buffer): ParsedBody {
    const keyAt = bytes.indexOf(MESSAGES_KEY);
    if (keyAt < 0) return { value: JSON.parse(bytes.toString("utf8")), remembered: undefined, base: undefined, reusedMessages: 0 };
    const start = keyAt + MESSAGES_KEY.length;
    const match = this.bestMatch(bytes, start);
    if (match !== undefined) {
      const { base, count } = match;
      const cut = start + ((base.ends[count - 1] as number) - base.messagesStart);
      let reduced: unknown;
      try {
        reduced = JSON.parse(`${bytes.toString("utf8", 0, start)}0${bytes.toString("utf8", cut)}`);
      } catch {
        reduced = undefined;
      }
      const record = reduced as Record<string, unknown> | undefined;
      if (typeof record === "object" && record !== null && Array.isArray(record.messages) && record.messages[0] === 0) {
        const messages = base.messages.slice(0, count).concat(record.messages.slice(1));
        record.messages = messages;
        const ends = base.ends.slice(0, count).map((end) => start + (end - base.messagesStart));
        // A body that fully extends its base supersedes it (the conversation moved on a turn).
        if (count === base.ends.length) this.forget(base);
        const remembered = this.remember(bytes, start, ends, messages);
        return { value: record, remembered, base, reusedMessages: count };
      }
    }
    const value = JSON.parse(bytes.toString("utf8")) as unknown;
    const messages = (value as Record<string, unknown> | null)?.messages;
    if (!Array.isArray(messages)) return { value, remembered: undefined, base: undefined, reusedMessages: 0 };
    return { value, remembered: this.remember(bytes, start, [], messages), base: undefined, reusedMessages: 0 };
  }

  /** Forgets every remembered body. */
  clear(): void {
    this.recent.length = 0;
  }

  private forget(body: RememberedBody): void {
    const index = this.recent.indexOf(body);
    if (index >= 0) this.recent.splice(index, 1);
  }

  private bestMatch(bytes: Buffer, start: number): { base: RememberedBody; count: number } | undefined {
    let best: { base: RememberedBody; count: number } | undefined;
    for (const base of this.recent) {
      const count = matchingMessages(bytes, start, base);
      if (count > 0 && (best === undefined || count > best.count)) best = { base, count };
      // A body this one fully extends is the previous turn of the same conversation: stop there.
      if (count > 0 && count === base.ends.length) break;
    }
    return best;
  }

  /** Records message end offsets (extending `ends` past the reused ones) and keeps the body. */
  private remember(bytes: Buffer, start: number, ends: number[], messages: readonly unknown[]): RememberedBody {
    let position = ends.length === 0 ? start : (ends[ends.length - 1] as number);
    for (let index = ends.length; index < messages.length; index += 1) {
      if (index > 0) {
        if (bytes[position] !== COMMA) break;
        position += 1;
      }
      const serialized = JSON.stringify(messages[index]);
      if (serialized === undefined) break;
      const encoded = Buffer.from(serialized, "utf8");
      if (position + encoded.length > bytes.length || bytes.compare(encoded, 0, encoded.length, position, position + encoded.length) !== 0) break;
      position += encoded.length;
      ends.push(position);
    }
    const remembered: RememberedBody = { bytes, messagesStart: start, ends, messages, states: undefined, statesRoot: undefined, statesGeneration: -1 };
    this.recent.unshift(remembered);
    if (this.recent.length > this.capacity) this.recent.length = this.capacity;
    return remembered;
  }
}

/** How many leading messages of `bytes` (messages array starting at `start`) equal `base`'s, byte for byte. */
function matchingMessages(bytes: Buffer, start: number, base: RememberedBody): number {
  let count = 0;
  let previousEnd = base.messagesStart;
  for (const end of base.ends) {
    const from = start + (previousEnd - base.messagesStart);
    const to = from + (end - previousEnd);
    if (to > bytes.length || bytes.compare(base.bytes, previousEnd, end, from, to) !== 0) break;
    count += 1;
    previousEnd = end;
  }
  if (count === 0) return 0;
  // The match must end where the message does: the next byte closes or continues the array.
  const next = bytes[start + (previousEnd - base.messagesStart)];
  return next === COMMA || next === CLOSE_BRACKET ? count : count - 1;
}
