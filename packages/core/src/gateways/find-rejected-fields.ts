/**
 * Reading a 400 for what it rejects, without a table of known error texts: the fields a
 * gateway may reject are the ones the request sent, so a rejection is a body field named in an
 * error that uses words of refusal. Works for wordings never seen before ("Unrecognized request
 * argument supplied: stream_options", "extra_forbidden: body.parallel_tool_calls",
 * "tool_choice 'required' is not supported with thinking").
 */

/** A complaint about a value's size ("must be at most 8192"), which renaming the field does not fix. */
const VALUE_RANGE = /\b(?:must|should)\s+(?:be\s+)?(?:at\s+most|at\s+least|less|greater|lower|higher|smaller|larger|between|<|>|in\s+range)|\b(?:cannot|can't|may\s+not)\s+exceed\b|\bout\s+of\s+range\b|\btoo\s+(?:large|big|high|small|low)\b|[<>]=?\s*\d/i;

/** The output-limit names: renamed by negotiation, so a size complaint must not count as a refusal. */
const OUTPUT_LIMITS = new Set(["max_tokens", "max_completion_tokens"]);

/** Fields without which there is no request; never dropped. */
const ESSENTIAL = new Set(["model", "messages", "stream", "tools"]);

/** Words a gateway uses when it refuses a field or a value. */
const REFUSAL =
  /\b(?:unsupported|not\s+(?:supported|allowed|permitted|recogni[sz]ed|accepted|available|a\s+valid)|unrecogni[sz]ed|unknown|unexpected|invalid|extra|forbidden|does\s*n[o']t\s+support|do\s*n[o']t\s+support|cannot\s+be\s+used|can\s*not\s+be\s+used|incompatible|deprecated|no\s+longer|must\s+not|only\s+(?:supports?|accepts?|allowed))\b/i;

/** Past reasoning is wanted back: a reasoning word near a requirement, in either order. */
const REPLAY_REQUIRED = [
  /\b(?:reasoning|thinking)\w*\b[^.;\n]{0,60}?\b(?:must|should|needs?\s+to|has\s+to|have\s+to)\s+be\s+(?:passed|sent|included|provided|returned|preserved|kept)\b/i,
  /\b(?:reasoning|thinking)\w*\b['"`]?\s+(?:is|are|was|were)\s+(?:missing|required|absent|expected)\b/i,
  /\b(?:missing|requires?)\s+(?:the\s+|a\s+|an\s+|past\s+|its\s+|their\s+|previous\s+)?[`'"]?(?:reasoning|thinking)\w*/i,
  /\b(?:pass|send|include|return|preserve)\w*\b[^.;\n]{0,40}?\b(?:reasoning|thinking)\w*\b[^.;\n]{0,30}?\bback\b/i,
];

/** Fields reasoning may be sent back under, most specific first. */
const REPLAY_FIELDS = ["reasoning_content", "reasoning_details", "reasoning_text", "reasoning"] as const;

/**
 * Top-level fields of `body` that `text` rejects, in body order; empty when the text refuses
 * nothing the request sent. Essential fields and one- or two-letter keys are never reported.
 */
export function findRejectedFields(text: string, body: Readonly<Record<string, unknown>>): string[] {
  if (!REFUSAL.test(text)) return [];
  const lower = text.toLowerCase();
  const sizeComplaint = VALUE_RANGE.test(text);
  const rejected: string[] = [];
  for (const key of Object.keys(body)) {
    if (ESSENTIAL.has(key) || key.length < 3 || (sizeComplaint && OUTPUT_LIMITS.has(key))) continue;
    if (mentions(lower, key.toLowerCase())) rejected.push(key);
  }
  return rejected;
}

/** Message keys every chat message needs; never dropped. */
const ESSENTIAL_MESSAGE_KEYS = new Set(["role", "content", "tool_calls", "tool_call_id"]);

/**
 * Keys of the sent messages that `text` rejects (`messages.1.reasoning_content: property … is
 * unsupported`), as `messages.<key>`: a gateway that takes past reasoning only under another
 * name, or no `name` on tool results. Essential message keys are never reported.
 */
export function findRejectedMessageFields(text: string, body: Readonly<Record<string, unknown>>): string[] {
  if (!REFUSAL.test(text) || !Array.isArray(body.messages)) return [];
  const keys = new Set<string>();
  for (const message of body.messages as unknown[]) {
    if (typeof message !== "object" || message === null) continue;
    for (const key of Object.keys(message)) if (!ESSENTIAL_MESSAGE_KEYS.has(key) && key.length >= 3) keys.add(key);
  }
  const lower = text.toLowerCase();
  return [...keys].filter((key) => mentions(lower, key.toLowerCase())).map((key) => `messages.${key}`);
}

/**
 * When `text` says past reasoning must be sent back: the field it names (or `undefined` when
 * it names none); `false` when it says nothing of the kind.
 */
export function findReplayDemand(text: string): { field: string | undefined } | false {
  if (!REPLAY_REQUIRED.some((pattern) => pattern.test(text))) return false;
  const lower = text.toLowerCase();
  return { field: REPLAY_FIELDS.find((field) => mentions(lower, field)) };
}

/** `name` as a whole token: not part of a longer identifier (`stream` is not in `stream_options`). */
function mentions(text: string, name: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(name, from);
    if (at < 0) return false;
    const before = at === 0 ? "" : text[at - 1]!;
    const after = text[at + name.length] ?? "";
    if (!/[A-Za-z0-9_]/.test(before) && !/[A-Za-z0-9_]/.test(after)) return true;
    from = at + 1;
  }
}
