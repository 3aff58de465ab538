import { createHash } from "node:crypto";
import type { ChatMessage } from "../chat.js";

/**
 * The ids one target (a gateway, for one model family) takes back: a length limit and a pattern
 * (OpenAI's 40 characters, Mistral's 9 alphanumerics), or a fixed form its chat template renders
 * into the prompt, `functions` being Kimi's `functions.NAME:INDEX`. A form replaces the limit
 * and the pattern: it is what the template of that family expects.
 */
export interface ToolCallIdRule {
  maxLength?: number;
  pattern?: RegExp;
  form?: "functions";
}

/** Kimi's own id form: `functions.NAME:INDEX`. */
const FUNCTIONS_ID = /^functions\.[^\s:]+:(\d+)$/;

/** Length of an id made from a hash when the target sets no limit. */
const HASHED_LENGTH = 24;

/**
 * The conversation with every tool-call id in a form the target accepts, a call and its result
 * under the same new id, and no id used by two calls. Ids that already fit pass through verbatim
 * (Kimi renders them back into its prompt and copies whatever form it sees). Others become:
 * - for a `functions` target, `functions.NAME:N` with N counting on from the calls before it;
 * - otherwise a hash of the original id cut to the limit.
 *
 * Deterministic and prefix-stable: what a message becomes depends only on the messages before
 * it, so appending a turn never changes how earlier ones go on the wire and the cached prefix
 * stays byte-identical. A result pairs with the oldest call of its id still waiting for one, so
 * an id two calls share (a gateway that restarts its numbering) still pairs in order. Returns
 * the input array itself when nothing changes.
 */
export function normalizeToolCallIds(messages: readonly ChatMessage[], rule: ToolCallIdRule): readonly ChatMessage[] {
  const used = new Set<string>();
  /** Original id → new ids of its calls still waiting for their result, oldest first. */
  const waiting = new Map<string, string[]>();
  /** Original id → the new id it was last given (a second result for one call). */
  const last = new Map<string, string>();
  let nextIndex = 0;
  let changed = false;
  const output = messages.map((message) => {
    if (message.role === "assistant" && message.toolCalls && message.toolCalls.length > 0) {
      let rewritten = false;
      const toolCalls = message.toolCalls.map((call) => {
        const index = nextIndex;
        const id = unused(preferred(call.id, call.name, index, rule), used, (attempt) => alternative(call.id, call.name, index + attempt - 1, rule, attempt));
        // Kimi numbers its calls over the whole conversation: count on from the highest index seen.
        const numbered = FUNCTIONS_ID.exec(id);
        nextIndex = Math.max(index + 1, numbered ? Number(numbered[1]) + 1 : 0);
        used.add(id);
        waiting.set(call.id, [...(waiting.get(call.id) ?? []), id]);
        last.set(call.id, id);
        if (id === call.id) return call;
        rewritten = true;
        return { ...call, id };
      });
      if (!rewritten) return message;
      changed = true;
      return { ...message, toolCalls };
    }
    if (message.role === "tool") {
      const id = waiting.get(message.toolCallId)?.shift() ?? last.get(message.toolCallId) ?? fitting(message.toolCallId, rule);
      if (id === message.toolCallId) return message;
      changed = true;
      return { ...message, toolCallId: id };
    }
    return message;
  });
  return changed ? output : messages;
}

function preferred(id: string, name: string, index: number, rule: ToolCallIdRule): string {
  if (rule.form === "functions") return FUNCTIONS_ID.test(id) ? id : functionsId(name, index);
  return fitting(id, rule);
}

/** The id itself when it fits the limit and pattern, else its hash cut to the limit. */
function fitting(id: string, rule: ToolCallIdRule): string {
  const tooLong = rule.maxLength !== undefined && id.length > rule.maxLength;
  const badChars = rule.pattern !== undefined && !rule.pattern.test(id);
  return id !== "" && !tooLong && !badChars ? id : hashed(id, rule);
}

/** The `attempt`-th replacement for an id another call already took. */
function alternative(id: string, name: string, index: number, rule: ToolCallIdRule, attempt: number): string {
  return rule.form === "functions" ? functionsId(name, index) : hashed(`${id}\u0000${attempt}`, rule);
}

function unused(candidate: string, used: ReadonlySet<string>, next: (attempt: number) => string): string {
  let id = candidate;
  for (let attempt = 1; used.has(id); attempt++) id = next(attempt);
  return id;
}

function functionsId(name: string, index: number): string {
  return `functions.${name.replace(/[\s:]/g, "_")}:${index}`;
}

function hashed(id: string, rule: ToolCallIdRule): string {
  return digest(id).slice(0, rule.maxLength ?? HASHED_LENGTH);
}

/** Digests already computed: every request of a session hashes the same foreign ids again. */
const DIGESTS = new Map<string, string>();
const MAX_DIGESTS = 4_096;

function digest(id: string): string {
  let value = DIGESTS.get(id);
  if (value === undefined) {
    value = createHash("sha256").update(id).digest("base64url").replace(/[^A-Za-z0-9]/g, "");
    if (DIGESTS.size >= MAX_DIGESTS) DIGESTS.delete(DIGESTS.keys().next().value!);
    DIGESTS.set(id, value);
  }
  return value;
}
