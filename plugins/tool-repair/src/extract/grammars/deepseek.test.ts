import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";

const V3_BEGIN = "<｜tool▁calls▁begin｜>";
const V3_END = "<｜tool▁calls▁end｜>";
const CALL = "<｜tool▁call▁begin｜>";
const CALL_END = "<｜tool▁call▁end｜>";
const SEP = "<｜tool▁sep｜>";

describe("deepseek grammar (held-out cases)", () => {
  it("reads V3 fenced calls with nested unicode JSON", () => {
    const text = `I'll look.${V3_BEGIN}${CALL}function${SEP}book_trip\n\`\`\`json\n{"city": "Zürich", "dates": {"from": "2025-03-01", "nights": 2}, "tags": ["büro", "ski"]}\n\`\`\`${CALL_END}${V3_END}`;
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [{ name: "book_trip", arguments: { city: "Zürich", dates: { from: "2025-03-01", nights: 2 }, tags: ["büro", "ski"] } }],
      content: "I'll look.",
    });
  });

  it("reads a V3 call whose arguments are not fenced", () => {
    const text = `${V3_BEGIN}${CALL}function${SEP}ping\n{"host": "a.b"}${CALL_END}${V3_END}`;
    expect(expectStreamingAgrees(text).calls).toEqual([{ name: "ping", arguments: { host: "a.b" } }]);
  });

  it("reads V3.1 calls with markup-like strings, dropping the text after the block", () => {
    const text = `${V3_BEGIN}${CALL}edit${SEP}{"old": "<｜tool▁sep｜> is a token", "new": "</div>"}${CALL_END}${CALL}save${SEP}{}${CALL_END}${V3_END} trailing`;
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [
        { name: "edit", arguments: { old: "<｜tool▁sep｜> is a token", new: "</div>" } },
        { name: "save", arguments: {} },
      ],
      content: "",
    });
  });

  it("leaves a fenced example alone", () => {
    const fenced = `Format:\n\`\`\`\n${V3_BEGIN}${CALL}x${SEP}{}${CALL_END}${V3_END}\n\`\`\`\n`;
    expect(expectStreamingAgrees(fenced)).toEqual({ calls: [], content: fenced });
  });
});
