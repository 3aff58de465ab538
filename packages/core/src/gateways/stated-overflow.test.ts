import { describe, expect, it } from "vitest";
import { statedOverflow } from "./stated-overflow.js";

// Wordings as the gateways send them (reference gateways.md; the simulator's profiles replay them).
describe("statedOverflow", () => {
  it("reads limit and the split of a vLLM/DeepSeek-style text", () => {
    const text = "This model's maximum context length is 32768 tokens. However, you requested 40000 tokens (8000 in the messages, 32000 in the completion). Please reduce the length of the messages or completion.";
    expect(statedOverflow(text)).toEqual({ limit: 32768, prompt: 8000, requested: 40000 });
  });

  it("reads the total alone when no split is given", () => {
    expect(statedOverflow("maximum context length is 32768 tokens … you requested 40000")).toEqual({ limit: 32768 });
    expect(statedOverflow("This model's maximum context length is 32768 tokens. However, you requested 40000 tokens.")).toEqual({ limit: 32768, requested: 40000 });
  });

  it("adds OpenRouter's input parts into the prompt", () => {
    const text = "This endpoint's maximum context length is 262144 tokens. However, you requested about 300000 tokens (250000 of text input, 2000 of tool input, 48000 in the output).";
    expect(statedOverflow(text)).toEqual({ limit: 262144, prompt: 252000, requested: 300000 });
  });

  it("reads prompt-only wordings", () => {
    expect(statedOverflow("The prompt is too long: 140000, model maximum context length: 131072")).toEqual({ limit: 131072, prompt: 140000 });
    expect(statedOverflow("The input (140,000 tokens) is longer than the model's context length (131,072 tokens).")).toEqual({ limit: 131072, prompt: 140000 });
    expect(statedOverflow("request (9000 tokens) exceeds the available context size (8192 tokens)")).toEqual({ limit: 8192, prompt: 9000 });
    expect(statedOverflow("Your request exceeded model token limit : 262144")).toEqual({ limit: 262144 });
  });

  it("says nothing about a text without numbers", () => {
    expect(statedOverflow("Please reduce the length of the messages or completion.")).toEqual({});
  });
});
