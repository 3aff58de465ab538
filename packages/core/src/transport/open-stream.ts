import http, { type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import { CrossOriginRedirectError } from "../trust/cross-origin-redirect-error.js";
import { redirectTarget } from "../trust/redirect-target.js";
import { ConnectionError, ConnectionTimeoutError } from "./connection-error.js";

/** One POST whose answer is read as it streams. */
export interface StreamRequest {
  url: string;
  headers: Readonly<Record<string, string>>;
  body: string;
  signal: AbortSignal;
  /** Time allowed until the answer's headers arrive, redirects included. */
  timeoutMs: number;
}

/** An answer whose headers have arrived; its body is read once, as text. */
export interface StreamResponse {
  readonly status: number;
  /** Header names in lower case. */
  readonly headers: IncomingHttpHeaders;
  /** The body as UTF-8 text while it arrives; `onBytes` runs for every piece. Throws an AbortError once aborted. */
  text(onBytes?: () => void): AsyncIterable<string>;
  /** The whole body. */
  readAll(): Promise<string>;
}

/**
 * Sends one request over `node:http`/`node:https` with their keep-alive agents and hands back
 * the answer when its headers arrive. Node's `fetch` (undici) and the web streams under it cost
 * tens of milliseconds of loading and compiling in every new process, before the first request
 * and again in each tool round trip; a streamed chat completion needs none of it. Redirects are
 * followed within the first request's origin only ({@link redirectTarget}). Fails with an
 * AbortError when the signal aborts, {@link ConnectionTimeoutError} when the headers take longer
 * than `timeoutMs`, {@link CrossOriginRedirectError} for a redirect elsewhere and
 * {@link ConnectionError} (the cause inside) when no answer came.
 */
export async function openStream(request: StreamRequest): Promise<StreamResponse> {
  const origin = new URL(request.url).origin;
  let url = request.url;
  let method = "POST";
  let body: string | undefined = request.body;
  let current: http.ClientRequest | undefined;
  const timer = setTimeout(() => current?.destroy(new ConnectionTimeoutError(request.timeoutMs)), request.timeoutMs);
  try {
    for (let hop = 0; ; hop++) {
      const response = await send(url, method, request.headers, body, request.signal, (outgoing) => (current = outgoing));
      const next = redirectTarget(origin, url, response.statusCode ?? 0, response.headers.location, hop);
      if (!next) return streamResponse(response, request.signal);
      // A redirect's body is never read.
      response.resume();
      if (next.asGet) {
        method = "GET";
        body = undefined;
      }
      url = next.url;
    }
  } catch (error) {
    const name = (error as Error | undefined)?.name;
    if (name === "AbortError" || error instanceof ConnectionTimeoutError || error instanceof CrossOriginRedirectError) throw error;
    // A connect that timed out at the socket is a timeout too.
    if (/timed? ?out/i.test(String(error))) throw new ConnectionTimeoutError(request.timeoutMs);
    throw new ConnectionError(error);
  } finally {
    clearTimeout(timer);
  }
}

/** TLS is loaded with the first `https:` request: a local server over `http:` never needs it. */
let secure: Promise<typeof import("node:https")> | undefined;

async function send(url: string, method: string, headers: Readonly<Record<string, string>>, body: string | undefined, signal: AbortSignal, started: (request: http.ClientRequest) => void): Promise<IncomingMessage> {
  const target = new URL(url);
  const client = target.protocol === "https:" ? await (secure ??= import("node:https")) : target.protocol === "http:" ? http : undefined;
  if (!client) throw new TypeError(`cannot send to ${target.protocol} URLs`);
  const outgoing: Record<string, string> = { ...headers };
  if (body !== undefined) outgoing["content-length"] = String(Buffer.byteLength(body));
  if (signal.aborted) throw abortError();
  return new Promise((resolve, reject) => {
    // The signal is watched by hand: `request`'s own `signal` option costs a stream-wrapping
    // module's load and a listener per request.
    const request = client.request(target, { method, headers: outgoing }, (response) => {
      signal.removeEventListener("abort", abort);
      resolve(response);
    });
    const abort = () => request.destroy(abortError());
    signal.addEventListener("abort", abort, { once: true });
    started(request);
    request.on("error", (error) => {
      signal.removeEventListener("abort", abort);
      reject(error);
    });
    request.end(body);
  });
}

function streamResponse(response: IncomingMessage, signal: AbortSignal): StreamResponse {
  // An abort after the headers ends the body with the AbortError a fetch would give.
  const abort = () => response.destroy(abortError());
  signal.addEventListener("abort", abort, { once: true });
  response.once("close", () => signal.removeEventListener("abort", abort));
  response.setEncoding("utf8");
  let read = false;
  const text = async function* (onBytes?: () => void): AsyncGenerator<string> {
    if (read) throw new Error("the body was already read");
    read = true;
    for await (const piece of response as AsyncIterable<string>) {
      onBytes?.();
      yield piece;
    }
  };
  return {
    status: response.statusCode ?? 0,
    headers: response.headers,
    text,
    async readAll() {
      let whole = "";
      for await (const piece of text()) whole += piece;
      return whole;
    },
  };
}

/** The error a fetch fails with when its signal aborts. */
function abortError(): DOMException {
  return new DOMException("This operation was aborted", "AbortError");
}
