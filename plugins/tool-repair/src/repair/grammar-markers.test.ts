import { describe, expect, it } from "vitest";
import { findGrammarMarker, stripTrailingGrammarMarkers } from "./grammar-markers.js";

describe("findGrammarMarker", () => {
  it("finds unmatched closing tags and unpaired special tokens", () => {
    expect(findGrammarMarker("a</arg_value><arg_key>b")).toEqual({ index: 1, token: "</arg_value>" });
    expect(findGrammarMarker("x<|tool_call_end|>")).toEqual({ index: 1, token: "<|tool_call_end|>" });
    expect(findGrammarMarker("q</minimax:tool_call>")?.token).toBe("</minimax:tool_call>");
  });

  it("ignores markup opened in the same text and ordinary HTML", () => {
    expect(findGrammarMarker("<invoke name=\"a\">x</invoke>")).toBeNull();
    expect(findGrammarMarker("<p>x</p>")).toBeNull();
    expect(findGrammarMarker("<|tool_call_begin|>x<|tool_call_end|>")).toBeNull();
  });
});

describe("stripTrailingGrammarMarkers", () => {
  it("strips stacked closers and the newline before them", () => {
    expect(stripTrailingGrammarMarkers("value\n</parameter>\n</function>\n</tool_call>")).toBe("value");
  });

  it("returns null when the end is clean", () => {
    expect(stripTrailingGrammarMarkers("value</parameter> and more")).toBeNull();
  });
});
