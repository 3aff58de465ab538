import http from "node:http";
import type { AddressInfo } from "node:net";

/** A loopback server that answers every chat completion with the given bytes, one HTTP chunk per piece. */
export interface ChunkedSseServer {
  /** Base URL of its OpenAI-compatible API (`http://127.0.0.1:<port>/v1`). */
  readonly baseURL: string;
  /** The pieces the next responses are made of, written in order with chunked transfer encoding. */
  serve(pieces: readonly Uint8Array[]): void;
  /** Requests answered so far. */
  readonly requests: number;
  close(): Promise<void>;
}

/**
 * Starts a server on 127.0.0.1 that streams a crafted SSE body exactly as it is cut: each piece is
 * its own HTTP chunk, written after the previous one was handed to the socket, so the client's
 * SSE decoder meets the cuts where they are (inside a UTF-8 sequence, between `\r` and `\n`).
 */
export async function startChunkedSseServer(): Promise<ChunkedSseServer> {
  let pieces: readonly Uint8Array[] = [];
  let requests = 0;
  const server = http.createServer((request, response) => {
    request.resume();
    request.on("end", async () => {
      requests += 1;
      const body = pieces;
      response.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache" });
      response.flushHeaders();
      for (const piece of body) {
        if (piece.length === 0) continue;
        await new Promise<void>((resolve) => response.write(piece, () => resolve()));
      }
      response.end();
    });
  });
  server.keepAliveTimeout = 1_000;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    baseURL: `http://127.0.0.1:${port}/v1`,
    serve(next) {
      pieces = next;
    },
    get requests() {
      return requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
