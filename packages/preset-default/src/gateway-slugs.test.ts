import { createKernel, type CanonicalModelId } from "@bridle/core";
import { builtinProfileNames, builtinProfiles } from "@bridle/gateway-sim";
import { modelFamily, SNAPSHOT_IDS } from "@bridle/plugin-model-id";
import { expect, test } from "vitest";
import { defaultPreset } from "./index.js";

// The identity funnel (model-id) and each gateway's slug conventions (gateways) together: every
// slug a simulated gateway serves canonicalizes to a model id whose slug on that gateway is one
// the gateway serves (itself, or another name of the same weights such as a moving alias).
// Slugs naming a quantization or a provider variant are left out: the canonical id drops those
// on purpose, and only a served-model record can spell them back.
const kernel = createKernel({ plugins: defaultPreset.plugins.map((plugin) => ({ plugin })) });

const cases = builtinProfileNames
  .flatMap((gateway) => (builtinProfiles[gateway]?.models ?? []).map((model) => [gateway, model.slug] as const))
  .filter(([gateway, slug]) => {
    const ref = kernel.resolveModel(slug, gateway);
    return !ref.quantization && !ref.variant && !ref.servingTier;
  });

test.each(cases)("%s: %s comes back as a slug the gateway serves", (gateway, slug) => {
  const ref = kernel.resolveModel(slug, gateway);
  const served = builtinProfiles[gateway]?.models.map((model) => model.slug) ?? [];
  expect(served).toContain(kernel.models.slugFor(ref.id as CanonicalModelId, gateway));
});

// Canonical id → slug on each built-in gateway, as the gateways document them.
test.each([
  ["qwen3-coder-480b-a35b-instruct", "openrouter", "qwen/qwen3-coder"],
  ["kimi-k2-instruct-0905", "openrouter", "moonshotai/kimi-k2-0905"],
  ["glm-4.6", "openrouter", "z-ai/glm-4.6"],
  ["deepseek-v3.1", "openrouter", "deepseek/deepseek-chat-v3.1"],
  ["kimi-k2.6", "fireworks", "accounts/fireworks/models/kimi-k2p6"],
  ["llama-3.3-70b-instruct", "fireworks", "accounts/fireworks/models/llama-v3p3-70b-instruct"],
  ["qwen3-coder-480b-a35b-instruct", "together", "Qwen/Qwen3-Coder-480B-A35B-Instruct"],
  ["deepseek-v3.1-terminus", "deepinfra", "deepseek-ai/DeepSeek-V3.1-Terminus"],
  ["glm-4.5v", "huggingface", "zai-org/GLM-4.5V"],
  ["mixtral-8x7b-instruct-v0.1", "vllm", "mistralai/Mixtral-8x7B-Instruct-v0.1"],
  ["llama-3.3-70b-instruct", "groq", "llama-3.3-70b-versatile"],
  ["kimi-k2-instruct-0905", "groq", "moonshotai/kimi-k2-instruct-0905"],
  ["gpt-oss-120b", "groq", "openai/gpt-oss-120b"],
  ["glm-4.7", "cerebras", "zai-glm-4.7"],
  ["qwen3-235b-a22b-instruct-2507", "cerebras", "qwen-3-235b-a22b-instruct-2507"],
  ["kimi-k2-instruct-0905", "moonshot", "kimi-k2-0905-preview"],
  ["deepseek-v4-flash", "deepseek", "deepseek-v4-flash"],
  ["glm-4.6", "zai", "glm-4.6"],
  ["qwen3-coder-plus", "dashscope", "qwen3-coder-plus"],
  ["minimax-m2.5", "minimax", "MiniMax-M2.5"],
  ["qwen3-coder-480b-a35b-instruct", "vercel", "alibaba/qwen3-coder"],
  ["llama-3.3-70b-instruct", "vercel", "meta/llama-3.3-70b"],
  ["kimi-k2.5", "cloudflare", "@cf/moonshotai/kimi-k2.5"],
  ["qwen3-coder-30b-a3b-instruct", "ollama", "qwen3-coder:30b"],
  ["llama-3.3-70b-instruct", "ollama", "llama3.3:70b"],
  ["gpt-oss-20b", "ollama", "gpt-oss:20b"],
  ["glm-4.6", "novita", "zai-org/glm-4.6"],
  ["kimi-k2.6", "llamacpp", "kimi-k2.6"],
])("%s on %s is %s", (id, gateway, slug) => {
  expect(kernel.models.slugFor(id as CanonicalModelId, gateway)).toBe(slug);
});

// The reverse direction lands where it started: every lab model of the snapshot, on every
// built-in gateway, resolves back to its own id.
test("every lab model round-trips through every gateway's slug", () => {
  // Vercel's deepseek/deepseek-v3 is V3-0324: the original V3 has no slug there.
  const notServed = new Set(["vercel: deepseek-v3"]);
  const misses: string[] = [];
  for (const id of SNAPSHOT_IDS) {
    if (modelFamily(id) === undefined) continue;
    for (const gateway of kernel.gateways.list().map((entry) => entry.id)) {
      const slug = kernel.models.slugFor(id as CanonicalModelId, gateway);
      const back = kernel.resolveModel(slug, gateway).id;
      if (back !== id && !notServed.has(`${gateway}: ${id}`)) misses.push(`${gateway}: ${id} → ${slug} → ${back}`);
    }
  }
  expect(misses).toEqual([]);
});
