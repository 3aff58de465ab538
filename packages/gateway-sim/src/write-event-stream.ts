import type { ServerResponse } from "node:http";
import { delay } from "./send-error-response.js";

/** Faults and pacing applied while writing a stream. */
export interface StreamFaults {
  readonly chunkDelayMs: number;
  readonly disconnectAfterChunks: number | undefined;
  readonly omitDone: boolean;
  /** A clean end of the response after this many events, with no finish chunk and no `[DONE]`. */
  readonly endAfterChunks?: number | undefined;
  readonly insertRaw: readonly { readonly afterChunk: number; readonly text: string }[];
  /** A pause after `after` events, with SSE comments every `keepAliveEveryMs` while it lasts. */
  readonly stall?: { readonly after: number; readonly ms: number; readonly keepAliveEveryMs?: number; readonly comment: string } | undefined;
  /** An in-stream error event sent after `after` events, ending the stream. */
  readonly errorAfter: { readonly after: number; readonly event: unknown } | undefined;
}

/**
 * Writes server-sent events: `data: <json>` per event and `data: [DONE]` at the end, with the
 * scripted faults: raw text inserted between events, a pause (with keep-alive comments or
 * silent), an in-stream error event, a connection
 * destroyed mid-stream (the response never completes), an end without `[DONE]`, or a clean end
 * before the finish chunk. Stops quietly
 * if the client goes away.
 */
export async function writeEventStream(response: ServerResponse, status: number, headers: Record<string, string>, events: readonly unknown[], faults: StreamFaults): Promise<void> {
  response.writeHead(status, {
    ...headers,
    "content-type": "text/event-stream; charset=utf-8",
    "cache-control": "no-cache",
    connection: "keep-alive",
  });
  const writeRaw = (afterChunk: number): void => {
    for (const insert of faults.insertRaw) if (Math.min(insert.afterChunk, events.length) === afterChunk) response.write(insert.text);
  };
  for (let index = 0; index <= events.length; index += 1) {
    if (response.destroyed) return;
    writeRaw(index);
    if (faults.disconnectAfterChunks !== undefined && Math.min(faults.disconnectAfterChunks, events.length) === index) {
      // Give the written bytes a moment to leave before the socket is torn down.
      await new Promise<void>((resolve) => setImmediate(resolve));
      response.destroy();
      return;
    }
    if (faults.endAfterChunks !== undefined && faults.endAfterChunks < events.length && faults.endAfterChunks === index) {
      response.end();
      return;
    }
    if (faults.errorAfter !== undefined && Math.min(faults.errorAfter.after, events.length) === index) {
      response.write(`data: ${JSON.stringify(faults.errorAfter.event)}\n\n`);
      if (!faults.omitDone) response.write("data: [DONE]\n\n");
      response.end();
      return;
    }
    if (faults.stall !== undefined && Math.min(faults.stall.after, events.length) === index) await stall(response, faults.stall);
    if (index === events.length) break;
    if (index > 0) await delay(faults.chunkDelayMs);
    response.write(`data: ${JSON.stringify(events[index])}\n\n`);
  }
  if (!faults.omitDone) response.write("data: [DONE]\n\n");
  response.end();
}

/** Waits out a scripted pause, writing a comment line every `keepAliveEveryMs` (none without it). */
async function stall(response: ServerResponse, pause: NonNullable<StreamFaults["stall"]>): Promise<void> {
  const end = Date.now() + pause.ms;
  while (!response.destroyed) {
    const left = end - Date.now();
    if (left <= 0) return;
    await delay(Math.min(left, pause.keepAliveEveryMs ?? left));
    if (pause.keepAliveEveryMs !== undefined && Date.now() < end && !response.destroyed) response.write(`: ${pause.comment}\n\n`);
  }
}
