import { describe, expect, it } from "vitest";
import { splitColonTag } from "./split-colon-tag.js";

describe("splitColonTag", () => {
  it("reads routing and mode tags as variants", () => {
    expect(splitColonTag("gpt-oss-120b:free")).toEqual({ name: "gpt-oss-120b", variants: ["free"] });
    expect(splitColonTag("kimi-k2-0905:nitro")).toEqual({ name: "kimi-k2-0905", variants: ["nitro"] });
    expect(splitColonTag("Kimi-K2-Instruct-0905:groq")).toEqual({ name: "Kimi-K2-Instruct-0905", variants: ["groq"] });
  });

  it("reads an Ollama size tag as part of the name", () => {
    expect(splitColonTag("qwen3-coder:30b-a3b-q4_K_M")).toEqual({ name: "qwen3-coder", variants: [], nameTag: "30b-a3b-q4_K_M" });
    expect(splitColonTag("kimi-k2:1t")).toEqual({ name: "kimi-k2", variants: [], nameTag: "1t" });
    expect(splitColonTag("glm-4.6:cloud")).toEqual({ name: "glm-4.6", variants: ["cloud"] });
  });

  it("leaves a name without colon alone", () => {
    expect(splitColonTag("deepseek-v3.2")).toEqual({ name: "deepseek-v3.2", variants: [] });
  });
});
