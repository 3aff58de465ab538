import type { IncomingHttpHeaders } from "node:http";

/**
 * An error answer from a gateway: a status outside 2xx (with its body exactly as sent), or an
 * error object inside a stream (no status). `error` is the body's `error` value, the part a
 * gateway in OpenAI's shape puts its message and code in; the message reads like the `openai`
 * SDK's (`400 <message>`), so texts stay the same whichever client sent the request.
 */
export class GatewayHttpError extends Error {
  readonly status: number | undefined;
  readonly error: unknown;
  /** The response headers; `undefined` for an error that arrived inside a stream without any. */
  readonly headers: Headers | undefined;
  readonly requestID: string | undefined;
  /** The body text as it arrived, for a status error. */
  readonly body: string | undefined;

  constructor(status: number | undefined, error: unknown, details: { text?: string; headers?: Headers; body?: string } = {}) {
    super(messageOf(status, error, details.text));
    this.name = "GatewayHttpError";
    this.status = status;
    this.error = error;
    this.headers = details.headers;
    this.requestID = details.headers?.get("x-request-id") ?? undefined;
    this.body = details.body;
  }

  /** The error for a status answer and its body: JSON bodies give their `error`, others their text. */
  static fromBody(status: number, headers: IncomingHttpHeaders, body: string): GatewayHttpError {
    let parsed: unknown;
    try {
      parsed = JSON.parse(body);
    } catch {
      parsed = undefined;
    }
    const error = parsed !== null && typeof parsed === "object" ? (parsed as { error?: unknown }).error : undefined;
    return new GatewayHttpError(status, error, { headers: toHeaders(headers), body, ...(parsed === undefined ? { text: body } : {}) });
  }
}

/** Response headers as a `Headers` object: made only for errors, which classify steps read. */
export function toHeaders(headers: IncomingHttpHeaders): Headers {
  const result = new Headers();
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const item of Array.isArray(value) ? value : [value]) result.append(name, item);
  }
  return result;
}

function messageOf(status: number | undefined, error: unknown, text: string | undefined): string {
  const inner = (error as { message?: unknown } | undefined)?.message;
  const message = inner ? (typeof inner === "string" ? inner : JSON.stringify(inner)) : error ? JSON.stringify(error) : text;
  if (status && message) return `${status} ${message}`;
  if (status) return `${status} status code (no body)`;
  return message || "(no status code or body)";
}
