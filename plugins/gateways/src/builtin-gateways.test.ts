import { createKernel, defineGateway, isGateway } from "@bridle/core";
import { expect, test } from "vitest";
import { builtinGateways } from "./builtin-gateways.js";
import { gatewaysPlugin } from "./gateways-plugin.js";
import { sharedGatewayFacts } from "./shared-gateway-facts.js";

const REQUIRED = [
  "openrouter", "together", "fireworks", "groq", "deepinfra", "cerebras", "novita", "siliconflow", "moonshot", "deepseek", "zai", "zai-coding", "dashscope", "minimax",
  "baseten", "chutes", "nebius", "vercel", "cloudflare", "huggingface", "hyperbolic", "ollama", "lmstudio", "vllm", "sglang", "llamacpp",
];

test("defines every gateway once, each a checked definition", () => {
  expect(builtinGateways.map((gateway) => gateway.id).sort()).toEqual([...REQUIRED].sort());
  for (const gateway of builtinGateways) {
    expect(isGateway(gateway)).toBe(true);
    expect(() => defineGateway({ ...gateway })).not.toThrow();
  }
});

test("local servers need no key and can list what they serve; hosted gateways name their key variable", () => {
  for (const gateway of builtinGateways) {
    if (gateway.local) expect(gateway.discover, gateway.id).toBeTypeOf("function");
    else expect(gateway.apiKeyEnv, gateway.id).toMatch(/^[A-Z][A-Z0-9_]*$/);
  }
});

test("the plugin puts them in the kernel's registry, with the shared facts behind each one's own", () => {
  const kernel = createKernel({ plugins: [{ plugin: gatewaysPlugin }] });
  expect(kernel.gateways.list().map((gateway) => gateway.id)).toEqual(expect.arrayContaining(REQUIRED));
  const groq = kernel.gateways.get("groq");
  expect(groq?.source).toEqual({ kind: "plugin", plugin: "gateways" });
  // Groq's own usage location first, then every other gateway's.
  expect(groq?.response?.usagePaths?.[0]).toBe("x_groq.usage");
  expect(groq?.response?.usagePaths).toContain("choices.0.usage");
  expect(groq?.overflow?.patterns?.[0]?.source).toBe(/reduce the length of the messages/i.source);
  expect(groq?.overflow?.patterns?.length).toBeGreaterThan(20);
});

test("every gateway gives Kimi its functions.NAME:INDEX ids; only the routers in front of OpenAI limit the length", () => {
  const kernel = createKernel({ plugins: [{ plugin: gatewaysPlugin }] });
  for (const gateway of kernel.gateways.list()) expect(gateway.toolCallIds?.families?.kimi, gateway.id).toBe("functions");
  const limited = kernel.gateways.list().filter((gateway) => gateway.toolCallIds?.maxLength !== undefined);
  expect(limited.map((gateway) => [gateway.id, gateway.toolCallIds?.maxLength])).toEqual([["openrouter", 40], ["vercel", 40]]);
});

test("`skip` leaves a built-in gateway to another plugin and names an unknown id", () => {
  const kernel = createKernel({ plugins: [{ plugin: gatewaysPlugin, options: { skip: ["groq"] } }] });
  const ids = kernel.gateways.list().map((gateway) => gateway.id);
  expect(ids).toContain("ollama");
  expect(kernel.gateways.get("groq")?.source).not.toEqual({ kind: "plugin", plugin: "gateways" });
  expect(() => createKernel({ plugins: [{ plugin: gatewaysPlugin, options: { skip: ["nope"] } }] })).toThrow(/plugins\.gateways\.skip: unknown gateway "nope"/);
});

test("the shared facts hold each pattern and path once", () => {
  const facts = sharedGatewayFacts(builtinGateways);
  const sources = facts.overflow?.patterns?.map((pattern) => `${pattern.source}/${pattern.flags}`) ?? [];
  expect(new Set(sources).size).toBe(sources.length);
  expect(facts.response?.cachedTokenPaths).toEqual(expect.arrayContaining(["cached_tokens", "prompt_cache_hit_tokens"]));
  expect(facts.response?.chunkCachedTokenPaths).toContain("timings.cache_n");
});
