import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback server that answers every request with one recorded SSE body, byte for byte. */
export interface ReplayServer {
  /** Base URL to point a gateway at (`http://127.0.0.1:PORT/v1`). */
  baseURL: string;
  /** Bodies of the requests it received, parsed. */
  requests: Array<Record<string, unknown>>;
  close(): Promise<void>;
}

export async function startReplayServer(fixture: URL): Promise<ReplayServer> {
  const body = readFileSync(fixture);
  const requests: Array<Record<string, unknown>> = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      requests.push(JSON.parse(Buffer.concat(chunks).toString("utf8") || "{}") as Record<string, unknown>);
      response.writeHead(200, { "content-type": "text/event-stream" });
      response.end(body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    requests,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
  };
}
