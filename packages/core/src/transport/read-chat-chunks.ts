import { createParser, type EventSourceMessage } from "eventsource-parser";
import { GatewayHttpError } from "./gateway-http-error.js";

/**
 * The chunks of a streamed chat completion, read from its text as it arrives: each server-sent
 * event's data parsed as JSON (a `SyntaxError` for data that is not), up to `[DONE]`; what follows
 * `[DONE]` is read but ignored. An event carrying an `error` object throws it as a
 * {@link GatewayHttpError} without a status: the gateway failed after the stream had started.
 */
export async function* readChatChunks(text: AsyncIterable<string>, headers?: () => Headers): AsyncGenerator<unknown> {
  const events: EventSourceMessage[] = [];
  const parser = createParser({ onEvent: (event) => events.push(event) });
  let done = false;
  const take = function* () {
    for (const event of events.splice(0)) {
      if (done) continue;
      if (event.data.startsWith("[DONE]")) {
        done = true;
        continue;
      }
      const chunk = JSON.parse(event.data) as { error?: unknown } | null;
      if (chunk?.error) throw new GatewayHttpError(undefined, chunk.error, headers ? { headers: headers() } : {});
      yield chunk;
    }
  };
  let last = "";
  for await (const piece of text) {
    parser.feed(piece);
    if (piece !== "") last = piece;
    yield* take();
  }
  // A last `\r` ends its line, though the parser waits for a `\n` that could follow it; an event
  // still open when the text ends is dropped.
  if (last.endsWith("\r")) {
    parser.feed("\n");
    yield* take();
  }
}
