import { describe, expect, it } from "vitest";
import { stripBedrockForm } from "./strip-bedrock-form.js";

describe("stripBedrockForm", () => {
  it("removes region, vendor and API version", () => {
    expect(stripBedrockForm("us.meta.llama4-maverick-17b-instruct-v1:0")).toEqual({ name: "llama4-maverick-17b-instruct", vendor: "meta" });
    expect(stripBedrockForm("openai.gpt-oss-120b-1:0")).toEqual({ name: "gpt-oss-120b", vendor: "openai" });
    expect(stripBedrockForm("zai.glm-5")).toEqual({ name: "glm-5", vendor: "zai" });
  });

  it("keeps the vendor when the model part is only a version", () => {
    expect(stripBedrockForm("deepseek.r1-v1:0")).toEqual({ name: "deepseek-r1", vendor: "deepseek" });
    expect(stripBedrockForm("deepseek.v3-v1:0")).toEqual({ name: "deepseek-v3", vendor: "deepseek" });
  });

  it("leaves dotted versions alone", () => {
    expect(stripBedrockForm("qwen3.5-397b-a17b")).toEqual({ name: "qwen3.5-397b-a17b" });
    expect(stripBedrockForm("glm-4.6")).toEqual({ name: "glm-4.6" });
    expect(stripBedrockForm("l3.1-70b-euryale-v2.2")).toEqual({ name: "l3.1-70b-euryale-v2.2" });
  });
});
