import { describe, expect, it } from "vitest";
import { parseModelList } from "./parse-model-list.js";

describe("parseModelList", () => {
  it("reads windows under each gateway's field name", () => {
    expect(
      parseModelList({
        data: [
          { id: "qwen/qwen3-coder", context_length: 262_144, top_provider: { context_length: 262_144, max_completion_tokens: 65_536 } },
          { id: "Qwen/Qwen3-Coder-480B-A35B-Instruct", max_model_len: 131_072 },
          { id: "deepseek-chat", object: "model" },
          { object: "model" },
        ],
      }),
    ).toEqual([
      { slug: "qwen/qwen3-coder", contextWindow: 262_144, maxOutputTokens: 65_536 },
      { slug: "Qwen/Qwen3-Coder-480B-A35B-Instruct", contextWindow: 131_072 },
      { slug: "deepseek-chat" },
    ]);
    expect(parseModelList([{ id: "a/b", context_length: 8192 }])).toEqual([{ slug: "a/b", contextWindow: 8192 }]);
  });

  it("names what it found when the answer is not a model list", () => {
    expect(() => parseModelList({ error: "nope" })).toThrowError(/expected a model list .* got an object with keys error/);
    expect(() => parseModelList("html")).toThrowError(/got string/);
  });
});
