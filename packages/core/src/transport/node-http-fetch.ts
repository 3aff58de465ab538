import http from "node:http";
import https from "node:https";
import { Readable } from "node:stream";

/** Statuses whose responses have no body (a `Response` refuses one). */
const NULL_BODY_STATUSES = new Set([101, 103, 204, 205, 304]);

/**
 * The `fetch` the transport gives the openai SDK: one request over `node:http`/`node:https`
 * with their keep-alive agents. Node's built-in fetch (undici) parses responses in WebAssembly
 * and writes bodies through web streams, whose first calls in a process cost tens of
 * milliseconds of compiling; every tool round trip of a short session paid them. Redirects are
 * returned as they are (like `redirect: "manual"`); `fetchSameOrigin` decides which to follow.
 */
export function nodeHttpFetch(input: string | URL | Request, init: RequestInit = {}): Promise<Response> {
  const url = new URL(input instanceof Request ? input.url : input);
  const client = url.protocol === "https:" ? https : url.protocol === "http:" ? http : undefined;
  if (!client) return Promise.reject(new TypeError(`cannot fetch ${url.protocol} URLs`));
  const headers: Record<string, string> = {};
  new Headers(init.headers).forEach((value, name) => {
    headers[name] = value;
  });
  const body = init.body ?? undefined;
  if (body !== undefined && typeof body !== "string" && !(body instanceof Uint8Array)) {
    return Promise.reject(new TypeError("only string and byte bodies are sent"));
  }
  if (body !== undefined) headers["content-length"] = String(Buffer.byteLength(body));
  return new Promise<Response>((resolve, reject) => {
    const request = client.request(url, { method: init.method ?? "GET", headers, ...(init.signal ? { signal: init.signal } : {}) }, (response) => {
      const status = response.statusCode ?? 0;
      const responseHeaders = new Headers();
      for (const [name, value] of Object.entries(response.headers)) {
        if (value === undefined) continue;
        for (const item of Array.isArray(value) ? value : [value]) responseHeaders.append(name, item);
      }
      // An abort after the headers ends the body with the AbortError fetch would give.
      const signal = init.signal;
      if (signal) {
        const abort = () => response.destroy(new DOMException("This operation was aborted", "AbortError"));
        signal.addEventListener("abort", abort, { once: true });
        response.once("close", () => signal.removeEventListener("abort", abort));
      }
      if (NULL_BODY_STATUSES.has(status)) response.resume();
      const stream = NULL_BODY_STATUSES.has(status) ? null : (Readable.toWeb(response) as ReadableStream<Uint8Array>);
      resolve(new Response(stream, { status, statusText: response.statusMessage ?? "", headers: responseHeaders }));
    });
    request.on("error", reject);
    request.end(body);
  });
}
