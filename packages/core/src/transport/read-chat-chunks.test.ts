import { describe, expect, it } from "vitest";
import { GatewayHttpError } from "./gateway-http-error.js";
import { readChatChunks } from "./read-chat-chunks.js";

async function* pieces(...texts: string[]): AsyncGenerator<string> {
  for (const text of texts) yield text;
}

async function read(...texts: string[]): Promise<unknown[]> {
  const chunks: unknown[] = [];
  for await (const chunk of readChatChunks(pieces(...texts))) chunks.push(chunk);
  return chunks;
}

describe("readChatChunks", () => {
  it("parses each event's data, across pieces that split lines, with any line ending, skipping comments", async () => {
    expect(await read('data: {"a":1}\n\n: keep-alive\n\nda', 'ta: {"b":2}\r\n\r', '\ndata: {"c":', "3}\r\r")).toEqual([{ a: 1 }, { b: 2 }, { c: 3 }]);
  });

  it("joins multi-line data, stops at [DONE] and drops an event the stream cut off", async () => {
    expect(await read('event: chunk\ndata: {"a":\ndata: 1}\n\n', "data: [DONE]\n\n", 'data: {"after":true}\n\n')).toEqual([{ a: 1 }]);
    expect(await read('data: {"a":1}\n\n', 'data: {"cut":')).toEqual([{ a: 1 }]);
    expect(await read('data: {"a":1}\n\n', 'data: {"unended":1}\n')).toEqual([{ a: 1 }]);
  });

  it("throws a stream's error object as a gateway error without a status, and malformed data as a SyntaxError", async () => {
    const error = await read('data: {"a":1}\n\n', 'data: {"error":{"message":"overloaded","code":"server_error"}}\n\n').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(GatewayHttpError);
    expect(error).toMatchObject({ status: undefined, error: { message: "overloaded", code: "server_error" }, message: "overloaded" });
    await expect(read("data: {not json}\n\n")).rejects.toBeInstanceOf(SyntaxError);
  });
});
