import { describe, expect, it } from "vitest";
import { canonicalize } from "./canonicalize.js";
import { createCanonicalizer } from "./create-canonicalizer.js";

const id = (slug: string, gateway?: string) => canonicalize(slug, gateway === undefined ? undefined : { gateway }).id;

describe("canonicalize: routing prefixes and namespaces", () => {
  it.each([
    ["accounts/fireworks/models/kimi-k2p6", "kimi-k2.6"],
    ["accounts/fireworks/routers/glm-5p1-fast", "glm-5.1"],
    ["@cf/openai/gpt-oss-120b", "gpt-oss-120b"],
    ["workers-ai/@cf/moonshotai/kimi-k2.5", "kimi-k2.5"],
    ["Pro/deepseek-ai/DeepSeek-V3.2", "deepseek-v3.2"],
    ["TEE/glm-5", "glm-5"],
    ["hf:zai-org/GLM-5.1", "glm-5.1"],
    ["route/minimax-m2.7-highspeed", "minimax-m2.7"],
    ["moonshotai/chat-completion/models/Kimi-K2_6", "kimi-k2.6"],
    ["us.meta.llama3-3-70b-instruct-v1:0", "llama-3.3-70b-instruct"],
    ["openai.gpt-oss-120b-1:0", "gpt-oss-120b"],
  ])("%s → %s", (slug, expected) => {
    expect(id(slug)).toBe(expected);
  });

  it("keeps the org it stripped for display", () => {
    expect(canonicalize("Qwen/Qwen3-Coder-480B-A35B-Instruct").org).toBe("Qwen");
  });
});

describe("canonicalize: variants, tiers and quantization", () => {
  it("reports OpenRouter variants and nano-gpt thinking mode as variants", () => {
    expect(canonicalize("openai/gpt-oss-120b:free")).toMatchObject({ id: "gpt-oss-120b", variant: "free" });
    expect(canonicalize("z-ai/glm-4.6:exacto")).toMatchObject({ id: "glm-4.6", variant: "exacto" });
    expect(canonicalize("zai-org/glm-4.7:thinking")).toMatchObject({ id: "glm-4.7", variant: "thinking" });
  });

  it("reports serving tiers and quantization, keeping the weights' id", () => {
    expect(canonicalize("Qwen/Qwen3-Coder-480B-A35B-Instruct-Turbo")).toMatchObject({
      id: "qwen3-coder-480b-a35b-instruct",
      servingTier: "turbo",
    });
    expect(canonicalize("@cf/meta/llama-3.3-70b-instruct-fp8-fast")).toMatchObject({
      id: "llama-3.3-70b-instruct",
      quantization: "fp8",
      servingTier: "fast",
    });
    expect(canonicalize("Intel/Qwen3-Coder-480B-A35B-Instruct-int4-mixed-ar")).toMatchObject({
      id: "qwen3-coder-480b-a35b-instruct",
      quantization: "int4-mixed-ar",
    });
    expect(canonicalize("qwen3-coder:30b-a3b-q4_K_M")).toMatchObject({ id: "qwen3-coder-30b-a3b-instruct", quantization: "q4_k_m" });
  });

  it("strips Ollama size tags only where they name the same weights", () => {
    expect(id("gpt-oss:120b")).toBe("gpt-oss-120b");
    expect(id("qwen3-coder:480b")).toBe("qwen3-coder-480b-a35b-instruct");
    expect(id("deepseek-v3.1:671b")).toBe("deepseek-v3.1");
    // Small tags name distills, not the flagship.
    expect(id("deepseek-r1:8b")).not.toBe("deepseek-r1");
    expect(id("deepseek-r1:70b")).not.toBe("deepseek-r1");
  });
});

describe("canonicalize: separators, case and versions", () => {
  it.each([
    ["deepseek-v3p1", "deepseek-v3.1"],
    ["kimi-k2-5", "kimi-k2.5"],
    ["zai-org-glm-5-1", "glm-5.1"],
    ["minimax-m25", "minimax-m2.5"],
    ["qwen35-397b-a17b", "qwen3.5-397b-a17b"],
    ["qwen-3-6-plus", "qwen3.6-plus"],
    ["deepseek-3.2", "deepseek-v3.2"],
    ["Meta-Llama-3_1-8B-Instruct-GGUF", "llama-3.1-8b-instruct"],
    ["mistral-small-31-24b-instruct", "mistral-small-3.1-24b-instruct-2503"],
    ["mistralai/mistral-7b-instruct-v03", "mistral-7b-instruct-v0.3"],
    ["k2p6", "kimi-k2.6"],
    ["MiniMax-M2.5", "minimax-m2.5"],
    ["deepseek/deepseek-chat-v3.1", "deepseek-v3.1"],
  ])("%s → %s", (slug, expected) => {
    expect(id(slug)).toBe(expected);
  });
});

describe("canonicalize: moving aliases and migrations", () => {
  it("resolves deepseek-chat per gateway", () => {
    expect(id("deepseek-chat", "deepseek")).toBe("deepseek-v4-flash");
    expect(id("deepseek/deepseek-chat", "openrouter")).toBe("deepseek-v3");
    expect(canonicalize("deepseek-chat", { gateway: "deepseek" }).alias).toBe("deepseek-chat");
  });

  it("resolves undated Kimi K2 to 0711 unless the gateway serves 0905 under that name", () => {
    expect(id("moonshotai/kimi-k2", "openrouter")).toBe("kimi-k2-instruct");
    expect(id("kimi-k2", "opencode")).toBe("kimi-k2-instruct-0905");
    expect(id("kimi-k2-turbo-preview", "moonshot")).toBe("kimi-k2-instruct-0905");
    expect(id("kimi-k2-0711-preview")).toBe("kimi-k2-instruct");
  });

  it("resolves -latest to the newest known member, or keeps an alias: id when none is fixed", () => {
    expect(id("codestral-latest")).toBe("codestral-2508");
    expect(id("~moonshotai/kimi-latest")).toBe("alias:kimi-latest");
    expect(id("alias:kimi-latest")).toBe("alias:kimi-latest");
  });

  it("treats gateway spellings as the same gateway", () => {
    expect(id("deepseek/deepseek-chat", "OpenRouter")).toBe("deepseek-v3");
    expect(id("qwen3-vl-235b-a22b", "alibaba-cn")).toBe(id("qwen3-vl-235b-a22b", "dashscope"));
  });
});

describe("canonicalize: distinct weights stay distinct", () => {
  it.each([
    ["deepseek-ai/DeepSeek-V3-0324", "deepseek-v3-0324", "deepseek-v3"],
    ["deepseek-ai/DeepSeek-R1-0528", "deepseek-r1-0528", "deepseek-r1"],
    ["moonshotai/Kimi-K2-Instruct-0905", "kimi-k2-instruct-0905", "kimi-k2-instruct"],
    ["moonshotai/Kimi-K2-Thinking", "kimi-k2-thinking", "kimi-k2-instruct"],
    ["Qwen/Qwen3-235B-A22B", "qwen3-235b-a22b", "qwen3-235b-a22b-instruct-2507"],
    ["Qwen/Qwen3-235B-A22B-Thinking-2507", "qwen3-235b-a22b-thinking-2507", "qwen3-235b-a22b-instruct-2507"],
    ["deepseek-ai/DeepSeek-R1-Distill-Qwen-32B", "deepseek-r1-distill-qwen-32b", "deepseek-r1"],
    ["nousresearch/hermes-3-llama-3.1-70b", "hermes-3-llama-3.1-70b", "llama-3.1-70b-instruct"],
    ["huihui-ai/Llama-3.3-70B-Instruct-abliterated", "llama-3.3-70b-instruct-abliterated", "llama-3.3-70b-instruct"],
    ["Qwen3.5-27B-BlueStar-Derestricted-Lite", "qwen3.5-27b-bluestar-derestricted-lite", "qwen3.5-27b-bluestar-derestricted"],
    ["glm-5-turbo", "glm-5-turbo", "glm-5"],
  ])("%s is %s, not %s", (slug, expected, other) => {
    expect(id(slug)).toBe(expected);
    expect(id(slug)).not.toBe(other);
  });

  it("drops -thinking only on hybrid models", () => {
    expect(id("deepseek/deepseek-v3.2-thinking")).toBe("deepseek-v3.2");
    expect(id("kimi-k2-thinking")).toBe("kimi-k2-thinking");
    const noHybrids = createCanonicalizer({ knownIds: ["kimi-k2.5", "kimi-k2.5-thinking-x"] });
    expect(noHybrids.canonicalize("kimi-k2.5-thinking").id).toBe("kimi-k2.5-thinking");
  });

  it("passes unknown models through in canonical spelling, marked unknown", () => {
    expect(canonicalize("google/gemma-3-27b-it")).toMatchObject({ id: "gemma-3-27b-it", known: false });
    expect(canonicalize("kimi-k2.6")).toMatchObject({ id: "kimi-k2.6", known: true });
  });
});

describe("canonicalize: contract", () => {
  it("accepts any gateway hint, including gateways without an adapter", () => {
    for (const gateway of ["", "my-private-gateway", "😀", "OPENROUTER ", "x".repeat(500)]) {
      expect(id("moonshotai/kimi-k2.6", gateway)).toBe("kimi-k2.6");
    }
  });

  it("rejects an empty model id with a clear message", () => {
    expect(() => canonicalize("  ")).toThrow(/model id is empty/);
    expect(() => canonicalize("accounts/fireworks/models/")).toThrow(/no model name/);
  });

  it("memoizes: a repeated string returns the same frozen identity", () => {
    const first = canonicalize("Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8", { gateway: "together" });
    expect(canonicalize("Qwen/Qwen3-Coder-480B-A35B-Instruct-FP8", { gateway: "together" })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
  });

  it("keeps the memo bounded", () => {
    const small = createCanonicalizer({ knownIds: [], cacheSize: 2 });
    const first = small.canonicalize("a-model-1");
    small.canonicalize("a-model-2");
    small.canonicalize("a-model-3");
    expect(small.canonicalize("a-model-1")).not.toBe(first);
    expect(small.canonicalize("a-model-1")).toEqual(first);
  });

  it("learns user ids: a new known id is never shortened", () => {
    const own = createCanonicalizer({ knownIds: [] });
    expect(own.canonicalize("acme/Coder-7B-Turbo").id).toBe("coder-7b");
    own.addKnownId("coder-7b-turbo");
    expect(own.canonicalize("acme/Coder-7B-Turbo")).toMatchObject({ id: "coder-7b-turbo", known: true });
  });

  it("maps every canonical id of the snapshot to itself", () => {
    for (const slug of ["glm-5v-turbo", "minimax-m1-80k", "qwen3.5-plus-20260420", "mistral-large-3-675b-instruct-2512"]) {
      expect(id(slug)).toBe(slug);
    }
  });
});
