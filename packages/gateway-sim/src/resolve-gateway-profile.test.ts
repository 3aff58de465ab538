import OpenAI from "openai";
import { describe, expect, test } from "vitest";
import { builtinProfileNames } from "./builtin-profiles.js";
import { resolveGatewayProfile } from "./resolve-gateway-profile.js";
import { startGatewaySim } from "./start-gateway-sim.js";

describe("resolveGatewayProfile", () => {
  test("hosts at least the twelve required gateways, each with its own default key", () => {
    for (const name of ["openrouter", "together", "fireworks", "groq", "deepinfra", "moonshot", "deepseek", "zai", "dashscope", "ollama", "vllm", "llamacpp"]) {
      expect(builtinProfileNames).toContain(name);
    }
    expect(resolveGatewayProfile("groq").apiKey).toBe("sim-groq-key");
    expect(resolveGatewayProfile("ollama").apiKey).toBeNull();
  });

  test("overrides replace values; a renamed copy gets its own key", () => {
    const profile = resolveGatewayProfile({ profile: "fireworks", name: "fireworks-eu", nodes: 2, cacheCapacityTokens: 5000, contextWindows: { "accounts/fireworks/models/glm-4p6": 1000 }, latency: { chunkMs: 5 } });
    expect(profile.name).toBe("fireworks-eu");
    expect(profile.apiKey).toBe("sim-fireworks-eu-key");
    expect(profile.nodes).toBe(2);
    expect(profile.nodeNames).toHaveLength(2);
    expect(profile.models.find((model) => model.slug === "accounts/fireworks/models/glm-4p6")?.contextWindow).toBe(1000);
    expect(profile.latency).toEqual({ firstByteMs: 0, chunkMs: 5 });
    expect(profile.errors.overflow({ slug: "x", contextWindow: 1000, promptTokens: 1200, outputTokens: 0 }).body).toMatchObject({ error: { message: "The prompt is too long: 1200, model maximum context length: 1000" } });
  });

  test("bad options name what is wrong and where", () => {
    expect(() => resolveGatewayProfile("nonexistent", "profiles[2]")).toThrow('profiles[2]: unknown gateway profile "nonexistent"; known profiles: openrouter');
    expect(() => resolveGatewayProfile({ profile: "groq", nodes: 0 })).toThrow(/at "nodes"/);
    expect(() => resolveGatewayProfile({ profile: "groq", contextWindows: { "no/such": 5 } })).toThrow('profiles: profile "groq" has no model "no/such" to set a context window for');
    expect(() => resolveGatewayProfile({ profile: "groq", typo: 1 } as never)).toThrow(/typo/);
    expect(() => resolveGatewayProfile({ profile: "groq", nodes: 3, nodeNames: ["a"] })).toThrow(/3 nodes but 1 nodeNames/);
  });
});

test("a 1M-window model served by three gateways under three slug styles", async () => {
  const sim = await startGatewaySim({
    profiles: [
      { profile: "openrouter", models: [{ slug: "acme/big-coder", contextWindow: 1_000_000 }] },
      { profile: "fireworks", models: [{ slug: "accounts/fireworks/models/big-coder", contextWindow: 1_000_000 }] },
      { profile: "together", models: [{ slug: "Acme/Big-Coder-Instruct", contextWindow: 1_000_000 }] },
    ],
  });
  try {
    const slugs = { openrouter: "acme/big-coder", fireworks: "accounts/fireworks/models/big-coder", together: "Acme/Big-Coder-Instruct" } as const;
    for (const [profile, slug] of Object.entries(slugs)) {
      const client = new OpenAI({ baseURL: sim.baseURL(profile), apiKey: sim.apiKey(profile), maxRetries: 0 });
      const completion = await client.chat.completions.create({ model: slug, messages: [{ role: "user", content: "hello" }] });
      expect(completion.model).toBe(slug);
      expect(sim.profile(profile).models.find((model) => model.slug === slug)?.contextWindow).toBe(1_000_000);
      // Another gateway's slug style is unknown here.
      const other = profile === "openrouter" ? slugs.fireworks : slugs.openrouter;
      await expect(client.chat.completions.create({ model: other, messages: [{ role: "user", content: "hello" }] })).rejects.toBeInstanceOf(OpenAI.APIError);
    }
  } finally {
    await sim.close();
  }
});

test("two copies of one gateway are told apart by name and key", async () => {
  const sim = await startGatewaySim({ profiles: ["groq", { profile: "groq", name: "groq-backup", apiKey: "backup-key" }] });
  try {
    expect(sim.urls["groq-backup"]).toBe(`${sim.url}/groq-backup/v1`);
    const backup = new OpenAI({ baseURL: sim.baseURL("groq-backup"), apiKey: "backup-key", maxRetries: 0 });
    await backup.chat.completions.create({ model: "openai/gpt-oss-120b", messages: [{ role: "user", content: "x" }] });
    expect(sim.requests.last()?.keyOwner).toBe("groq-backup");
    expect(() => sim.baseURL()).toThrow(/2 profiles are hosted/);
    await expect(startGatewaySim({ profiles: ["groq", "groq"] })).rejects.toThrow(/listed twice/);
  } finally {
    await sim.close();
  }
});
