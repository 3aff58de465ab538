import { describe, expect, it } from "vitest";
import { KnownModelIndex } from "./known-model-index.js";

const tokens = (name: string) => name.split("-");

describe("KnownModelIndex.expand", () => {
  const index = new KnownModelIndex([
    "llama-3.3-70b-instruct",
    "llama-4-scout-17b-16e-instruct",
    "qwen3-coder-480b-a35b-instruct",
    "qwen3-coder-30b-a3b-instruct",
    "qwen3-coder-plus",
    "codestral-2501",
    "codestral-2508",
    "kimi-k2-instruct",
    "kimi-k2-instruct-0905",
    "kimi-k2-thinking",
    "qwen3-14b",
    "qwen3-32b",
    "l3-8b-lunaris-v1",
  ]);

  it("adds only tokens a gateway may leave out", () => {
    expect(index.expand(tokens("llama-3.3-70b"))).toBe("llama-3.3-70b-instruct");
    expect(index.expand(tokens("llama-4-scout"))).toBe("llama-4-scout-17b-16e-instruct");
    expect(index.expand(tokens("l3-lunaris-8b"))).toBe("l3-8b-lunaris-v1");
  });

  it("prefers the fewest additions, then the newest date, then the flagship size", () => {
    expect(index.expand(tokens("kimi-k2"))).toBe("kimi-k2-instruct");
    expect(index.expand(tokens("codestral"))).toBe("codestral-2508");
    expect(index.expand(tokens("qwen3-coder"))).toBe("qwen3-coder-480b-a35b-instruct");
  });

  it("refuses ties it cannot break and words that change the weights", () => {
    expect(index.expand(tokens("qwen3"))).toBeUndefined();
    expect(index.expand(tokens("kimi-thinking"))).toBeUndefined();
    expect(index.expand(tokens("llama-3.3-70b-abliterated"))).toBeUndefined();
  });
});
