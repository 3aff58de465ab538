/** A turn's error as the agent reports it. */
export interface TurnError {
  message: string;
  gateway?: string;
  status?: number;
  requestId?: string;
}

/**
 * A gateway error in two parts, printed once: the message without the raw response body (the
 * body's own message is already in it), and the details the message does not already give:
 * gateway, HTTP status, request id and, when the key was refused (401/403), the variable holding it.
 *
 * @param keyVariable the environment variable of a gateway's key, when it has one
 */
export function describeGatewayError(error: TurnError, keyVariable: (gateway: string) => string | undefined = () => undefined): { message: string; details: string | undefined } {
  const message = withoutJsonBodies(error.message);
  const variable = error.gateway && (error.status === 401 || error.status === 403) ? keyVariable(error.gateway) : undefined;
  // Each fact is said once: what the message already says (the transport's "groq answered 401
  // (request …)") is not repeated on the details line.
  const words = new Set(message.split(/[^\w-]+/));
  const statedStatus = (status: number) => ["answered", "HTTP", "status"].some((lead) => message.includes(`${lead} ${status}`));
  const details = [
    error.gateway && !words.has(error.gateway) ? error.gateway : undefined,
    error.status !== undefined && !statedStatus(error.status) ? `HTTP ${error.status}` : undefined,
    error.requestId && !message.includes(error.requestId) ? `request ${error.requestId}` : undefined,
    variable && !message.includes(variable) ? `the key was refused: check ${variable}` : undefined,
  ].filter(Boolean);
  return { message, details: details.length > 0 ? details.join(" · ") : undefined };
}

/**
 * The message without the raw JSON bodies quoted in it (wherever they stand: plugins add their
 * advice after the gateway's own words), unless the body is all there is.
 */
function withoutJsonBodies(message: string): string {
  let text = message;
  for (let start = text.indexOf("{"); start !== -1; start = text.indexOf("{", start + 1)) {
    const end = jsonObjectEnd(text, start);
    if (end === undefined) continue;
    const rest = `${text.slice(0, start).trimEnd()} ${text.slice(end).trimStart()}`.trim();
    if (rest === "") break;
    text = rest.replace(/\s+([;,.)])/g, "$1");
    start = -1;
  }
  return text;
}

/** Where the JSON object starting at `start` ends (exclusive), when it is one. */
function jsonObjectEnd(text: string, start: number): number | undefined {
  let depth = 0;
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const character = text[index];
    if (inString) {
      if (character === "\\") index += 1;
      else if (character === '"') inString = false;
    } else if (character === '"') inString = true;
    else if (character === "{") depth += 1;
    else if (character === "}" && --depth === 0) {
      try {
        JSON.parse(text.slice(start, index + 1));
        return index + 1;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/**
 * A feed line as printed: a notice about a failed request (a retry, a fallback) quotes the
 * gateway's error, whose raw body the message already says in words; other notices are kept whole.
 */
export function feedMessage(event: { type: string; message: string }): string {
  return event.type.startsWith("request.") ? withoutJsonBodies(event.message) : event.message;
}
