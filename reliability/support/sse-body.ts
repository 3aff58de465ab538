import fc from "fast-check";

/** How one SSE stream is written: every form the SSE specification allows for the same events. */
export interface SseFraming {
  /** Line terminator: one for the whole stream, or LF and CRLF chosen per line. */
  ending: "\n" | "\r\n" | "\r" | "mixed";
  /** Per line of the stream, in order (cycled): LF (`false`) or CRLF (`true`) when `ending` is `mixed`. */
  mixedCrlf: boolean[];
  /** `data: x` (`true`) or `data:x`. */
  space: boolean;
  /** Each event's JSON spread over several `data:` lines (joined by `\n`, as SSE says). */
  multiline: boolean;
  /** Comment lines (`: keep-alive`) before events, alone between them, or inside them. */
  comments: Array<"none" | "before" | "between" | "inside">;
  /** `event: message` and `id: n` fields before the data. */
  fields: boolean;
  /** End with `data: [DONE]`. */
  done: boolean;
}

/** Builds the SSE text of `events` (chat completion chunks) as `framing` says. */
export function writeSseBody(events: readonly unknown[], framing: SseFraming): string {
  const lines: string[] = [];
  const data = (text: string) => `data:${framing.space ? " " : ""}${text}`;
  events.forEach((event, index) => {
    const comment = framing.comments[index % Math.max(1, framing.comments.length)] ?? "none";
    if (comment === "between") lines.push(": OPENROUTER PROCESSING", "");
    if (comment === "before") lines.push(": keep-alive");
    if (framing.fields) lines.push("event: message", `id: ${index + 1}`, "retry: 3000");
    const json = framing.multiline ? JSON.stringify(event, null, 1).split("\n") : [JSON.stringify(event)];
    json.forEach((line, position) => {
      if (comment === "inside" && position === 1) lines.push(":ping");
      lines.push(data(line));
    });
    lines.push("");
  });
  if (framing.done) lines.push(data("[DONE]"), "");
  let text = "";
  lines.forEach((line, index) => {
    const ending = framing.ending !== "mixed" ? framing.ending : framing.mixedCrlf[index % Math.max(1, framing.mixedCrlf.length)] ? "\r\n" : "\n";
    text += line + ending;
  });
  return text;
}

export const sseFraming: fc.Arbitrary<SseFraming> = fc.record({
  ending: fc.constantFrom("\n" as const, "\r\n" as const, "\r" as const, "mixed" as const),
  mixedCrlf: fc.array(fc.boolean(), { minLength: 1, maxLength: 8 }),
  space: fc.boolean(),
  multiline: fc.boolean(),
  comments: fc.array(fc.constantFrom("none" as const, "before" as const, "between" as const, "inside" as const), { minLength: 1, maxLength: 6 }),
  fields: fc.boolean(),
  done: fc.boolean(),
});

/** Cuts `bytes` at the given offsets (sorted, deduplicated, inside the array). */
export function cutBytes(bytes: Uint8Array, offsets: readonly number[]): Uint8Array[] {
  const points = [...new Set(offsets.filter((offset) => offset > 0 && offset < bytes.length))].sort((left, right) => left - right);
  const pieces: Uint8Array[] = [];
  let start = 0;
  for (const point of [...points, bytes.length]) {
    pieces.push(bytes.subarray(start, point));
    start = point;
  }
  return pieces;
}
