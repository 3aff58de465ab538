import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { nodeHttpFetch } from "./node-http-fetch.js";

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A loopback server; `handle` answers each request, and every request is kept with its body. */
async function serve(handle: (request: IncomingMessage, body: string, response: import("node:http").ServerResponse) => void) {
  const seen: Array<{ method: string; url: string; headers: IncomingMessage["headers"]; body: string }> = [];
  const server = createServer((request, response) => {
    let body = "";
    request.setEncoding("utf8");
    request.on("data", (chunk) => (body += chunk));
    request.on("end", () => {
      seen.push({ method: request.method!, url: request.url!, headers: request.headers, body });
      handle(request, body, response);
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

describe("nodeHttpFetch", () => {
  it("sends method, headers and body, and streams the response with its status and headers", async () => {
    const server = await serve((_request, _body, response) => {
      response.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req-1" });
      response.write("data: one\n\n");
      setTimeout(() => response.end("data: two\n\n"), 20);
    });
    const body = JSON.stringify({ model: "m", stream: true, text: "é" });
    const response = await nodeHttpFetch(`${server.url}/v1/chat/completions`, {
      method: "POST",
      headers: new Headers({ authorization: "Bearer key", "content-type": "application/json" }),
      body,
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("x-request-id")).toBe("req-1");
    expect(await response.text()).toBe("data: one\n\ndata: two\n\n");
    expect(server.seen).toEqual([
      expect.objectContaining({ method: "POST", url: "/v1/chat/completions", body: '{"model":"m","stream":true,"text":"é"}' }),
    ]);
    expect(server.seen[0]!.headers).toMatchObject({ authorization: "Bearer key", "content-type": "application/json", "content-length": String(Buffer.byteLength(body)) });
  });

  it("returns a redirect as it is instead of following it, so the key goes nowhere else", async () => {
    const elsewhere = await serve((_request, _body, response) => response.end("should not be reached"));
    const server = await serve((_request, _body, response) => {
      response.writeHead(307, { location: `${elsewhere.url}/v1/chat/completions` });
      response.end();
    });
    const response = await nodeHttpFetch(`${server.url}/v1/chat/completions`, { method: "POST", headers: { authorization: "Bearer key" }, body: "{}" });
    expect(response.status).toBe(307);
    expect(elsewhere.seen).toHaveLength(0);
  });

  it("rejects with an AbortError when aborted, before or during the body", async () => {
    const server = await serve((_request, _body, response) => {
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.write("data: partial\n\n");
    });
    const before = new AbortController();
    before.abort();
    await expect(nodeHttpFetch(server.url, { signal: before.signal })).rejects.toMatchObject({ name: "AbortError" });

    const during = new AbortController();
    const response = await nodeHttpFetch(server.url, { signal: during.signal });
    const reader = response.body!.getReader();
    expect(new TextDecoder().decode((await reader.read()).value)).toBe("data: partial\n\n");
    during.abort();
    await expect(reader.read()).rejects.toMatchObject({ name: "AbortError" });
  });

  it("rejects with the cause when nothing listens, and for URLs it cannot fetch", async () => {
    const server = await serve(() => {});
    const url = server.url;
    await new Promise((resolve) => servers.pop()!.close(resolve));
    await expect(nodeHttpFetch(url)).rejects.toMatchObject({ code: "ECONNREFUSED" });
    await expect(nodeHttpFetch("file:///etc/passwd")).rejects.toThrow(/cannot fetch file: URLs/);
  });
});
