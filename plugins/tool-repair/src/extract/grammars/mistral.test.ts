import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";

describe("mistral grammar (held-out cases)", () => {
  it("reads v11 calls with nested unicode arguments, trimming the space before the token", () => {
    const text = 'Voilà : [TOOL_CALLS]translate{"text": "crème brûlée", "to": {"lang": "ja"}}[TOOL_CALLS]save{"path": "out/翻訳.txt"}';
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [
        { name: "translate", arguments: { text: "crème brûlée", to: { lang: "ja" } } },
        { name: "save", arguments: { path: "out/翻訳.txt" } },
      ],
      content: "Voilà :",
    });
  });

  it("reads v13 `[CALL_ID]` and `[ARGS]` tokens, keeping the id", () => {
    const text = '[TOOL_CALLS]run_query[CALL_ID]a1B2c3D4e[ARGS]{"sql": "select \'[TOOL_CALLS]\' as x"}';
    expect(expectStreamingAgrees(text).calls).toEqual([{ name: "run_query", id: "a1B2c3D4e", arguments: { sql: "select '[TOOL_CALLS]' as x" } }]);
  });

  it("reads a pre-v11 array whose arguments are a JSON string", () => {
    const text = '[TOOL_CALLS] [{"name": "resize", "arguments": "{\\"w\\": 10}"}, {"arguments": {"h": 2}, "name": "crop"}]';
    expect(expectStreamingAgrees(text).calls).toEqual([
      { name: "resize", arguments: { w: 10 } },
      { name: "crop", arguments: { h: 2 } },
    ]);
  });

  it("drops the special token but keeps text that is not a call", () => {
    expect(expectStreamingAgrees("[TOOL_CALLS] sorry, no tool fits")).toEqual({ calls: [], content: "sorry, no tool fits" });
  });

  it("leaves bracketed prose and fenced examples alone", () => {
    for (const text of ["See [TOOLS] and [TOOL_CALL] in the docs.", '```\n[TOOL_CALLS]f{"a": 1}\n```']) {
      expect(expectStreamingAgrees(text), text).toEqual({ calls: [], content: text });
    }
  });
});
