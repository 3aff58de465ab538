import { describe, expect, it } from "vitest";
import { normalizeModelName } from "./normalize-model-name.js";

describe("normalizeModelName", () => {
  it.each([
    ["Qwen3-Coder-480B-A35B-Instruct", "qwen3-coder-480b-a35b-instruct"],
    ["kimi-k2p6", "kimi-k2.6"],
    ["glm-5-1", "glm-5.1"],
    ["Kimi-K2_6", "kimi-k2.6"],
    ["Llama-3_3-Nemotron-Super-49B-v1_5", "llama-3.3-nemotron-super-49b-v1.5"],
    ["Qwen3_5-9B-Q4_K_M", "qwen3.5-9b-q4-k-m"],
    ["llama3-3-70b", "llama-3.3-70b"],
    ["llama-v3p3-70b-instruct", "llama-3.3-70b-instruct"],
    ["mistral-small3.2", "mistral-small-3.2"],
    ["qwen-3-235b-a22b-instruct-2507", "qwen3-235b-a22b-instruct-2507"],
    ["deepseek-4-flash", "deepseek-v4-flash"],
    ["minimax-m27", "minimax-m2.7"],
    ["l31-70b-euryale-v2.2", "l3.1-70b-euryale-v2.2"],
    ["databricks-gpt-oss-120b", "gpt-oss-120b"],
    ["z-ai-glm-5-turbo", "glm-5-turbo"],
    ["deep-deepseek-v4-pro", "deepseek-v4-pro"],
    ["meta-llama-3-70b-instruct", "llama-3-70b-instruct"],
  ])("%s → %s", (name, expected) => {
    expect(normalizeModelName(name)).toBe(expected);
  });

  it("never reads sizes or dates as versions", () => {
    expect(normalizeModelName("ministral-3-3b")).toBe("ministral-3-3b");
    expect(normalizeModelName("kimi-k2-0905")).toBe("kimi-k2-0905");
    expect(normalizeModelName("glm-4-32b-0414")).toBe("glm-4-32b-0414");
    expect(normalizeModelName("qwen3-max-2025-09-23")).toBe("qwen3-max-2025-09-23");
    expect(normalizeModelName("eva-llama-3.33-70b-v0.1")).toBe("eva-llama-3.33-70b-v0.1");
  });

  it("keeps a fine-tune's own leading word", () => {
    expect(normalizeModelName("tim-qwen3.6-27b")).toBe("tim-qwen3.6-27b");
    expect(normalizeModelName("GrayLine-Qwen3-8B")).toBe("grayline-qwen3-8b");
  });
});
