import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { HarnessError, type HarnessErrorKind } from "../errors/harness-error.js";
import type { ErrorClassification, WireError } from "../gateways/gateway-definition.js";
import { CrossOriginRedirectError } from "../trust/fetch-same-origin.js";
import { retryAfterMilliseconds } from "./retry-after.js";

interface ErrorOrigin {
  gateway: string;
  model: string;
  /** The host the request went to (`127.0.0.1:8080`), named when its answer is not JSON. */
  host?: string;
  redact: (text: string) => string;
  /** The gateway's classify step (its definition, plugin taps, the generic rules). */
  classify: (error: WireError) => ErrorClassification;
  /** The error response's body exactly as sent, when the transport kept it. */
  rawBody?: (headers: Headers | undefined) => string | undefined;
}

const KINDS: Readonly<Record<ErrorClassification["kind"], HarnessErrorKind>> = {
  overflow: "overflow",
  "rate-limit": "rate-limit",
  auth: "auth",
  retryable: "http",
  "bad-request": "http",
  "unsupported-field": "http",
  "replay-required": "http",
};

/**
 * Turns whatever the SDK or the stream threw into a {@link HarnessError} that names the gateway,
 * the status and the request id, and carries what the gateway's classify step made of it.
 */
export function toHarnessError(error: unknown, origin: ErrorOrigin): HarnessError {
  if (error instanceof HarnessError) return error;
  const base = { gateway: origin.gateway, model: origin.model, cause: error };
  if (error instanceof APIUserAbortError || (error instanceof Error && error.name === "AbortError")) {
    return new HarnessError(`request to ${origin.gateway} was cancelled`, { ...base, kind: "aborted", retryable: false });
  }
  if (error instanceof APIConnectionTimeoutError) {
    return new HarnessError(`${origin.gateway} did not answer in time`, { ...base, kind: "timeout", retryable: true });
  }
  const redirect = error instanceof Error && (error.cause instanceof CrossOriginRedirectError ? error.cause : error instanceof CrossOriginRedirectError ? error : undefined);
  if (redirect) {
    // Another try would be redirected again; the gateway's configuration is what needs a look.
    return new HarnessError(`${origin.gateway}: ${redirect.message}`, { ...base, kind: "http", status: redirect.status, retryable: false });
  }
  if (error instanceof APIConnectionError) {
    return new HarnessError(`cannot reach ${origin.gateway}: ${origin.redact(messageOf(error.cause ?? error))}`, { ...base, kind: "network", retryable: true });
  }
  if (error instanceof APIError) {
    // An error event inside a 200 stream has no HTTP status; the status its payload names
    // (`{"error": {"code": 402}}`) decides as the same status on the response would.
    const inStream = error.status === undefined ? statusInPayload(error.error) : undefined;
    const status = error.status ?? inStream;
    const raw = origin.rawBody?.(error.headers);
    // Classify on the body as sent; show the SDK's reading when it found an `error` object.
    const body = origin.redact(raw ?? bodyText(error));
    const shown = error.error !== undefined && error.error !== null ? origin.redact(bodyText(error)) : raw !== undefined ? origin.redact(messageInBody(raw)) : body;
    const requestId = error.requestID ?? undefined;
    const code = (error.error as { code?: unknown } | undefined)?.code;
    const classification = origin.classify({ status, body, headers: error.headers, ...(typeof code === "string" || typeof code === "number" ? { code: String(code) } : {}) });
    const retryAfterMs = ("retryAfterMs" in classification ? classification.retryAfterMs : undefined) ?? retryAfterMilliseconds(error.headers);
    const kind: HarnessErrorKind = status === undefined && classification.kind !== "overflow" ? "stream" : KINDS[classification.kind];
    const retryable = kind === "stream" || classification.kind === "rate-limit" || classification.kind === "retryable";
    const answered = error.status !== undefined ? ` answered ${error.status}` : ` sent an error${inStream ? ` (${inStream}) in the stream` : ""}`;
    const where = `${origin.gateway}${answered}${requestId ? ` (request ${requestId})` : ""}`;
    const contentType = error.headers?.get("content-type") ?? "";
    if (error.status !== undefined && raw?.trim() && !isJsonContentType(contentType)) {
      // An HTML page from a proxy or CDN, or plain text: say so, with the status and a short, redacted piece.
      const message = nonJsonMessage(origin, error.status, contentType, origin.redact(raw), requestId);
      return new HarnessError(message, { ...base, kind, status, requestId, retryable, retryAfterMs, body, classification });
    }
    return new HarnessError(`${where}: ${summarize(shown)}`, { ...base, kind, status, requestId, retryable, retryAfterMs, body, classification });
  }
  if (error instanceof SyntaxError) {
    return new HarnessError(`${origin.gateway} sent a malformed stream: ${error.message}`, { ...base, kind: "stream", retryable: true });
  }
  return new HarnessError(`request to ${origin.gateway} failed: ${origin.redact(messageOf(error))}`, { ...base, kind: "network", retryable: true });
}

/**
 * The error of an answer that is not JSON, where JSON or a stream was expected:
 * "acme: non-JSON response from 127.0.0.1:8080 (status 502, text/html): 502 Bad Gateway …".
 * `text` is already redacted.
 */
export function nonJsonMessage(origin: Pick<ErrorOrigin, "gateway" | "host">, status: number, contentType: string, text: string, requestId?: string): string {
  const type = contentType.split(";")[0]!.trim() || "no content type";
  return `${origin.gateway}: non-JSON response from ${origin.host ?? origin.gateway} (status ${status}, ${type}${requestId ? `, request ${requestId}` : ""}): ${summarize(text)}`;
}

/** True for a JSON media type (`application/json`, `application/problem+json`, …). */
export function isJsonContentType(contentType: string): boolean {
  return /json/i.test(contentType);
}

/** The HTTP status an in-stream error payload names (`code` or `status`, 400–599), if any. */
function statusInPayload(payload: unknown): number | undefined {
  if (typeof payload !== "object" || payload === null) return undefined;
  const { code, status } = payload as { code?: unknown; status?: unknown };
  for (const value of [code, status]) {
    const number = typeof value === "number" ? value : typeof value === "string" && /^\d{3}$/.test(value) ? Number(value) : Number.NaN;
    if (Number.isInteger(number) && number >= 400 && number <= 599) return number;
  }
  return undefined;
}

function bodyText(error: APIError): string {
  if (error.error !== undefined && error.error !== null) {
    const inner = error.error as { message?: unknown };
    if (typeof inner === "string") return inner;
    if (typeof inner.message === "string") return `${inner.message} ${JSON.stringify(error.error)}`;
    return JSON.stringify(error.error);
  }
  return error.message;
}

/** The human part of a flat JSON error body (`{"message": …}`, `{"errors": [{ "message": … }]}`), else the text. */
function messageInBody(raw: string): string {
  try {
    const parsed = JSON.parse(raw) as { message?: unknown; detail?: unknown; errors?: Array<{ message?: unknown }> };
    const message = parsed.message ?? parsed.errors?.[0]?.message ?? parsed.detail;
    if (typeof message === "string") return message;
    if (message !== undefined) return JSON.stringify(message);
  } catch {
    // Not JSON: the text itself.
  }
  return raw;
}

/** First line, tags stripped, at most 300 characters: enough to act on, never an HTML page. */
function summarize(text: string): string {
  const plain = text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return plain.length > 300 ? `${plain.slice(0, 300)}…` : plain || "(no body)";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
