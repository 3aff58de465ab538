import type { ErrorClassification, NegotiatedCapabilities, WireRequest } from "./gateway-definition.js";

/** The two names of the output limit: a gateway rejecting one gets the other. */
const OUTPUT_LIMIT_NAMES: Readonly<Record<string, string>> = { max_tokens: "max_completion_tokens", max_completion_tokens: "max_tokens" };

/** What one negotiation changes, and the sentence the feed shows. */
export interface Negotiation {
  capabilities: NegotiatedCapabilities;
  /** The fields this negotiation touched (both names of a rename), so the same request never negotiates them again. */
  fields: string[];
  message: string;
}

/** How a rejected key of the messages is named among the dropped fields. */
export const MESSAGE_FIELD = "messages.";

export const NO_CAPABILITIES: NegotiatedCapabilities = Object.freeze({ dropped: [], renamed: {} });

/**
 * How to answer a rejection once: drop a rejected field, rename a rejected output-limit name,
 * or turn reasoning replay on. `undefined` when there is nothing left to change, because the
 * fields were already negotiated in this request (`tried`) or the rejection is not about fields:
 * that is what keeps negotiation from ever becoming a loop.
 */
export function negotiate(
  classification: ErrorClassification,
  sent: WireRequest,
  current: NegotiatedCapabilities,
  tried: ReadonlySet<string>,
): Negotiation | undefined {
  if (classification.kind === "replay-required") {
    const marker = "replay:";
    if (tried.has(marker) || current.replay) return undefined;
    const messages = Array.isArray(sent.body.messages) ? (sent.body.messages as Array<{ role?: unknown }>) : [];
    if (!messages.some((message) => message.role === "assistant")) return undefined;
    const field = classification.field ?? "reasoning_content";
    return {
      capabilities: { ...current, replay: { field } },
      fields: [marker],
      message: `sending past reasoning back as ${field} from now on`,
    };
  }
  if (classification.kind !== "unsupported-field") return undefined;
  const fields = classification.fields.filter((field) => !tried.has(field) && (field in sent.body || field.startsWith(MESSAGE_FIELD)));
  if (fields.length === 0) return undefined;
  const dropped = [...current.dropped];
  const renamed = { ...current.renamed };
  const touched: string[] = [];
  const said: string[] = [];
  for (const field of fields) {
    const other = OUTPUT_LIMIT_NAMES[field];
    if (other !== undefined) {
      renamed[field] = other;
      delete renamed[other];
      touched.push(field, other);
      said.push(`${field} renamed to ${other}`);
    } else {
      if (!dropped.includes(field)) dropped.push(field);
      touched.push(field);
      said.push(field.startsWith(MESSAGE_FIELD) ? `${field.slice(MESSAGE_FIELD.length)} no longer sent in messages` : `${field} no longer sent`);
    }
  }
  return { capabilities: { ...current, dropped, renamed }, fields: touched, message: said.join(", ") };
}
