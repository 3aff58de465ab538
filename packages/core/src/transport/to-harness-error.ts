import { APIConnectionError, APIConnectionTimeoutError, APIError, APIUserAbortError } from "openai";
import { HarnessError, type HarnessErrorKind } from "../errors/harness-error.js";
import { CrossOriginRedirectError } from "../trust/fetch-same-origin.js";
import { isOverflowError } from "./overflow-patterns.js";
import { retryAfterMilliseconds } from "./retry-after.js";

interface ErrorOrigin {
  gateway: string;
  model: string;
  redact: (text: string) => string;
}

/** Statuses worth another try: timeouts, lock conflicts, throttling, server errors. */
export function isRetryableStatus(status: number): boolean {
  return status === 408 || status === 409 || status === 429 || status >= 500;
}

/**
 * Turns whatever the SDK or the stream threw into a {@link HarnessError} that names the gateway,
 * the status and the request id, says whether a retry can help, and recognises overflows.
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
    const status = error.status;
    const body = origin.redact(bodyText(error));
    const requestId = error.requestID ?? undefined;
    const retryAfterMs = retryAfterMilliseconds(error.headers);
    let kind: HarnessErrorKind = "http";
    if (status !== undefined && isOverflowError(status, body)) kind = "overflow";
    else if (status === 429) kind = "rate-limit";
    else if (status === 401 || status === 403) kind = "auth";
    else if (status === undefined) kind = "stream";
    const retryable = kind === "stream" || (kind !== "overflow" && status !== undefined && isRetryableStatus(status));
    const where = `${origin.gateway}${status ? ` answered ${status}` : " sent an error"}${requestId ? ` (request ${requestId})` : ""}`;
    return new HarnessError(`${where}: ${summarize(body)}`, { ...base, kind, status, requestId, retryable, retryAfterMs, body });
  }
  if (error instanceof SyntaxError) {
    return new HarnessError(`${origin.gateway} sent a malformed stream: ${error.message}`, { ...base, kind: "stream", retryable: true });
  }
  return new HarnessError(`request to ${origin.gateway} failed: ${origin.redact(messageOf(error))}`, { ...base, kind: "network", retryable: true });
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

/** First line, tags stripped, at most 300 characters: enough to act on, never an HTML page. */
function summarize(text: string): string {
  const plain = text.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim();
  return plain.length > 300 ? `${plain.slice(0, 300)}…` : plain || "(no body)";
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
