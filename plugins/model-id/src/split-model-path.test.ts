import { describe, expect, it } from "vitest";
import { splitModelPath } from "./split-model-path.js";

describe("splitModelPath", () => {
  it("keeps only the last segment as the name", () => {
    expect(splitModelPath("accounts/fireworks/models/kimi-k2p6")).toEqual({
      name: "kimi-k2p6",
      namespaces: ["accounts", "fireworks", "models"],
      movingAlias: false,
    });
    expect(splitModelPath("workers-ai/@cf/meta/llama-3-8b-instruct")).toMatchObject({ name: "llama-3-8b-instruct", org: "meta" });
  });

  it("does not report routing namespaces as the org", () => {
    expect(splitModelPath("Pro/deepseek-ai/DeepSeek-R1").org).toBe("deepseek-ai");
    expect(splitModelPath("TEE/glm-5").org).toBeUndefined();
    expect(splitModelPath("@cf/openai/gpt-oss-20b").org).toBe("openai");
  });

  it("removes the hf: and ~ prefixes", () => {
    expect(splitModelPath("hf:zai-org/GLM-5.1")).toMatchObject({ name: "GLM-5.1", org: "zai-org" });
    expect(splitModelPath("~moonshotai/kimi-latest")).toMatchObject({ name: "kimi-latest", movingAlias: true });
  });

  it("reads a precision given as its own last segment", () => {
    expect(splitModelPath("meta-llama/llama-3.1-8b-instruct/fp-8")).toMatchObject({ name: "llama-3.1-8b-instruct", quantization: "fp8" });
  });

  it("leaves an empty name for a path that ends in a slash", () => {
    expect(splitModelPath("accounts/fireworks/models/").name).toBe("");
  });
});
