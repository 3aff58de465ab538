import { describe, expect, it } from "vitest";
import { hubRepoName } from "./hub-repo-name.js";

describe("hubRepoName", () => {
  it.each([
    ["qwen3-coder-480b-a35b-instruct", "Qwen3-Coder-480B-A35B-Instruct"],
    ["deepseek-v3.1-terminus", "DeepSeek-V3.1-Terminus"],
    ["glm-4.5v", "GLM-4.5V"],
    ["kimi-k2-instruct-0905", "Kimi-K2-Instruct-0905"],
    ["minimax-m1-80k", "MiniMax-M1-80k"],
    ["llama-4-scout-17b-16e-instruct", "Llama-4-Scout-17B-16E-Instruct"],
    ["mixtral-8x7b-instruct-v0.1", "Mixtral-8x7B-Instruct-v0.1"],
    ["qwen3-vl-235b-a22b-thinking", "Qwen3-VL-235B-A22B-Thinking"],
    ["gpt-oss-120b", "gpt-oss-120b"],
  ])("%s → %s", (id, expected) => {
    expect(hubRepoName(id)).toBe(expected);
  });
});
