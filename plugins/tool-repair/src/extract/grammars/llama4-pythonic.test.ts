import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";

describe("llama4 pythonic calls (held-out cases)", () => {
  it("reads several calls with nested literals and keeps the text around them", () => {
    const text = `Planning. <|python_start|>[book(city="São Paulo", nights=2, flags=['late', "quiet"], meta={'vip': True, "note": None}), now()]<|python_end|> Then confirm.`;
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [
        { name: "book", arguments: { city: "São Paulo", nights: 2, flags: ["late", "quiet"], meta: { vip: true, note: null } } },
        { name: "now", arguments: {} },
      ],
      content: "Planning.  Then confirm.",
    });
  });

  it("reads a single call without brackets and keeps escaped quotes", () => {
    const text = "<|python_start|>say(text='it\\'s <fine>')<|python_end|>";
    expect(expectStreamingAgrees(text).calls).toEqual([{ name: "say", arguments: { text: "it's <fine>" } }]);
  });

  it("leaves positional arguments and unmarked call lists alone", () => {
    for (const text of ["<|python_start|>[f(1, 2)]<|python_end|>", "[get_weather(city='Oslo')]"]) {
      expect(expectStreamingAgrees(text), text).toEqual({ calls: [], content: text });
    }
  });
});
