import { describe, expect, it } from "vitest";
import { chainTextFilters, passThroughFilter, type TextStreamFilter } from "./text-stream-filter.js";

/** Holds everything until a newline, then shows the line upper-cased. */
function lines(): TextStreamFilter {
  let held = "";
  return {
    push(text) {
      held += text;
      const cut = held.lastIndexOf("\n") + 1;
      const shown = held.slice(0, cut).toUpperCase();
      held = held.slice(cut);
      return shown;
    },
    end: () => held.toUpperCase(),
  };
}

describe("chainTextFilters", () => {
  it("feeds the inner filter what the outer lets through, and flushes both at the end", () => {
    const filter = chainTextFilters(passThroughFilter(), lines());
    expect(filter.push("ab")).toBe("");
    expect(filter.push("c\nd")).toBe("ABC\n");
    expect(filter.end()).toBe("D");
  });

  it("passes what an outer filter held back on to the inner one at the end", () => {
    const filter = chainTextFilters(lines(), passThroughFilter());
    expect(filter.push("x")).toBe("");
    expect(filter.end()).toBe("X");
  });
});
