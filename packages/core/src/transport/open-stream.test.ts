import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CrossOriginRedirectError } from "../trust/cross-origin-redirect-error.js";
import { ConnectionError, ConnectionTimeoutError } from "./connection-error.js";
import { openStream, type StreamRequest } from "./open-stream.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.closeAllConnections() ?? server.close(resolve))));
});

/** A loopback server; `handle` answers each request, and every request is kept with its body. */
async function serve(handle: (request: IncomingMessage, response: ServerResponse) => void) {
  const seen: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }> = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      handle(request, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const post = (url: string, extra: Partial<StreamRequest> = {}) =>
  openStream({ url, headers: { authorization: "Bearer key", "content-type": "application/json" }, body: '{"text":"é"}', signal: new AbortController().signal, timeoutMs: 5_000, ...extra });

async function collect(text: AsyncIterable<string>): Promise<string[]> {
  const pieces: string[] = [];
  for await (const piece of text) pieces.push(piece);
  return pieces;
}

describe("openStream", () => {
  it("posts the headers and body, and hands back the answer's status, headers and text as it arrives", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req-1" });
      response.write("data: one\n\n");
      // A character split across two writes still arrives whole.
      const bytes = Buffer.from("data: é\n\n");
      response.write(bytes.subarray(0, 7));
      setTimeout(() => response.end(bytes.subarray(7)), 20);
    });
    const response = await post(`${server.url}/v1/chat/completions`);
    expect(response.status).toBe(200);
    expect(response.headers["x-request-id"]).toBe("req-1");
    let bytes = 0;
    expect((await collect(response.text(() => bytes++))).join("")).toBe("data: one\n\ndata: é\n\n");
    expect(bytes).toBeGreaterThanOrEqual(2);
    expect(server.seen).toEqual([expect.objectContaining({ method: "POST", url: "/v1/chat/completions", body: '{"text":"é"}' })]);
    expect(server.seen[0]!.headers).toMatchObject({ authorization: "Bearer key", "content-type": "application/json", "content-length": String(Buffer.byteLength('{"text":"é"}')) });
  });

  it("hands back an error answer with its whole body", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(429, { "content-type": "application/json", "retry-after": "2" });
      response.end('{"error":{"message":"slow down"}}');
    });
    const response = await post(server.url);
    expect(response.status).toBe(429);
    expect(response.headers["retry-after"]).toBe("2");
    expect(await response.readAll()).toBe('{"error":{"message":"slow down"}}');
  });

  it("follows a redirect within the origin, and refuses one to another origin before anything is sent there", async () => {
    const elsewhere = await serve((_request, response) => response.end("should not be reached"));
    const server = await serve((request, response) => {
      if (request.url === "/old") return response.writeHead(308, { location: "/new" }).end();
      if (request.url === "/moved") return response.writeHead(302, { location: "/new" }).end();
      if (request.url === "/away") return response.writeHead(307, { location: `${elsewhere.url}/v1/chat/completions` }).end();
      response.writeHead(200, { "content-type": "text/plain" }).end(`${request.method} ${request.url}`);
    });
    expect(await (await post(`${server.url}/old`)).readAll()).toBe("POST /new");
    expect(server.seen.at(-1)!.body).toBe('{"text":"é"}');
    // 301/302/303 repeat the request as a GET without its body.
    expect(await (await post(`${server.url}/moved`)).readAll()).toBe("GET /new");
    expect(server.seen.at(-1)!.body).toBe("");
    await expect(post(`${server.url}/away`)).rejects.toBeInstanceOf(CrossOriginRedirectError);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it("fails with an AbortError when aborted before the answer or while its body streams", async () => {
    const server = await serve((_request, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: partial\n\n");
    });
    const before = new AbortController();
    before.abort();
    await expect(post(server.url, { signal: before.signal })).rejects.toMatchObject({ name: "AbortError" });

    const during = new AbortController();
    const response = await post(server.url, { signal: during.signal });
    const pieces = response.text()[Symbol.asyncIterator]();
    expect((await pieces.next()).value).toBe("data: partial\n\n");
    during.abort();
    await expect(pieces.next()).rejects.toMatchObject({ name: "AbortError" });
  });

  it("fails with a timeout when the headers take too long, and with the cause when nothing listens", async () => {
    const silent = await serve(() => {});
    await expect(post(silent.url, { timeoutMs: 100 })).rejects.toBeInstanceOf(ConnectionTimeoutError);

    const closed = await serve(() => {});
    await new Promise((resolve) => servers.pop()!.close(resolve));
    const refused = await post(closed.url).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(ConnectionError);
    expect((refused as ConnectionError).cause).toMatchObject({ code: "ECONNREFUSED" });
    await expect(post("file:///etc/passwd")).rejects.toThrow(/cannot send to file: URLs/);
  });
});
