import { describe, expect, it } from "vitest";
import { ThinkSplitter } from "./think-splitter.js";

function splitAll(chunks: string[]) {
  const splitter = new ThinkSplitter();
  let content = "";
  let reasoning = "";
  for (const chunk of [...chunks.map((text) => splitter.push(text)), splitter.flush()]) {
    content += chunk.content;
    reasoning += chunk.reasoning;
  }
  return { content, reasoning };
}

describe("ThinkSplitter", () => {
  it("separates a think block from the answer", () => {
    expect(splitAll(["<think>plan it</think>The answer."])).toEqual({ content: "The answer.", reasoning: "plan it" });
  });

  it("gives the same result for every way of cutting the text into two chunks", () => {
    const text = "intro <think>step one, step two</think> done <thin not a tag";
    const whole = splitAll([text]);
    expect(whole).toEqual({ content: "intro done <thin not a tag", reasoning: "step one, step two" });
    for (let cut = 0; cut <= text.length; cut++) {
      expect(splitAll([text.slice(0, cut), text.slice(cut)])).toEqual(whole);
    }
  });

  it("drops the layout newlines around the reasoning and after </think>, however the stream is cut", () => {
    const text = "<think>\nFirst I read.\n\nThen I edit.\n</think>\n\nDone.";
    const expected = { content: "Done.", reasoning: "First I read.\n\nThen I edit." };
    expect(splitAll([text])).toEqual(expected);
    for (let cut = 0; cut <= text.length; cut++) {
      for (let second = cut; second <= text.length; second += 3) {
        expect(splitAll([text.slice(0, cut), text.slice(cut, second), text.slice(second)])).toEqual(expected);
      }
    }
  });

  it("treats an unclosed block as reasoning and plain text as content", () => {
    expect(splitAll(["<think>still thinking"])).toEqual({ content: "", reasoning: "still thinking" });
    expect(splitAll(["no tags at all"])).toEqual({ content: "no tags at all", reasoning: "" });
  });
});
