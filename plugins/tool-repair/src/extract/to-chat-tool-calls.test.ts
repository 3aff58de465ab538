import { describe, expect, it } from "vitest";
import { toChatToolCalls } from "./to-chat-tool-calls.js";

describe("toChatToolCalls", () => {
  it("keeps native ids, derives stable 9-character ids for the rest, and serializes arguments", () => {
    const calls = toChatToolCalls(
      [
        { id: "functions.read:0", name: "read", arguments: { path: "a" } },
        { name: "write", arguments: {}, rawArguments: '{"path": "b' },
        { name: "write", arguments: { path: "c" } },
      ],
      "message text",
    );
    expect(calls[0]).toEqual({ id: "functions.read:0", name: "read", arguments: '{"path":"a"}' });
    expect(calls[1]).toMatchObject({ name: "write", arguments: '{"path": "b' });
    expect(calls[1]?.id).toMatch(/^[a-z0-9]{9}$/);
    expect(calls[2]?.id).toMatch(/^[a-z0-9]{9}$/);
    expect(calls[1]?.id).not.toBe(calls[2]?.id);
    expect(toChatToolCalls([{ name: "write", arguments: {} }], "message text")[0]?.id).toBe(
      toChatToolCalls([{ name: "other", arguments: {} }], "message text")[0]?.id,
    );
    expect(toChatToolCalls([{ name: "write", arguments: {} }], "other text")[0]?.id).not.toBe(calls[1]?.id);
  });
});
