import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { CrossOriginRedirectError, fetchSameOrigin } from "./fetch-same-origin.js";

interface Seen {
  path: string;
  method: string;
  authorization: string | undefined;
  body: string;
}

const servers: Server[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A loopback server that records what reached it and answers with `respond`. */
async function serve(respond: (request: IncomingMessage, seen: Seen[]) => { status: number; headers?: Record<string, string>; body?: string }) {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    let body = "";
    request.on("data", (chunk: Buffer) => (body += chunk.toString()));
    request.on("end", () => {
      seen.push({ path: request.url ?? "", method: request.method ?? "", authorization: request.headers.authorization, body });
      const answer = respond(request, seen);
      response.writeHead(answer.status, answer.headers).end(answer.body ?? "");
    });
  });
  servers.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, seen };
}

const init = { method: "POST", headers: { authorization: "Bearer sk-test-user-key-000000000000", "content-type": "application/json" }, body: '{"model":"m"}' };

describe("fetchSameOrigin", () => {
  it("refuses a 307 to another loopback port: nothing, not even the body, reaches it", async () => {
    const elsewhere = await serve(() => ({ status: 200, body: "{}" }));
    const gateway = await serve(() => ({ status: 307, headers: { location: `${elsewhere.url}/v1/chat/completions` } }));
    await expect(fetchSameOrigin()(`${gateway.url}/v1/chat/completions`, init)).rejects.toThrow(CrossOriginRedirectError);
    await expect(fetchSameOrigin()(`${gateway.url}/v1/chat/completions`, init)).rejects.toThrow(/answered 307 redirecting to http:\/\/127\.0\.0\.1:\d+; a redirect to another origin is not followed/);
    expect(gateway.seen).toHaveLength(2);
    expect(elsewhere.seen).toEqual([]);
  });

  it("follows a 307 within the origin with the same method, headers and body", async () => {
    const gateway = await serve((request) => (request.url === "/old" ? { status: 307, headers: { location: "/new" } } : { status: 200, body: "done" }));
    const response = await fetchSameOrigin()(`${gateway.url}/old`, init);
    expect(await response.text()).toBe("done");
    expect(gateway.seen[1]).toEqual({ path: "/new", method: "POST", authorization: init.headers.authorization, body: init.body });
  });

  it("turns a same-origin 302 into a GET and gives up on a redirect loop", async () => {
    const gateway = await serve((request) => (request.url === "/loop" ? { status: 302, headers: { location: "/loop" } } : request.url === "/a" ? { status: 302, headers: { location: "/b" } } : { status: 200, body: "b" }));
    await fetchSameOrigin()(`${gateway.url}/a`, init);
    expect(gateway.seen[1]).toMatchObject({ path: "/b", method: "GET", body: "" });
    await expect(fetchSameOrigin()(`${gateway.url}/loop`, init)).rejects.toThrow(/redirected more than 5 times/);
  });
});
