import { CapabilityStore, defineGateway, GatewayRegistry } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { describeGateways } from "../gateways/describe-gateways.js";
import { gatewaysReport } from "./gateways-report.js";

const row = (report: ReturnType<typeof gatewaysReport>, id: string) => report.rows.find((entry) => entry.cells[1] === id);

describe("gatewaysReport", () => {
  const gateways = new GatewayRegistry();
  const plugin = (name: string) => ({ kind: "plugin" as const, plugin: name });
  gateways.define(defineGateway({ id: "groq", name: "Groq", baseURL: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY" }), plugin("gateways"));
  gateways.define(defineGateway({ id: "together", name: "Together", baseURL: "https://api.together.xyz/v1", apiKeyEnv: "TOGETHER_API_KEY" }), plugin("gateways"));
  gateways.define(defineGateway({ id: "vllm", name: "vLLM", baseURL: "http://localhost:8000/v1", apiKeyEnv: "VLLM_API_KEY", local: true }), plugin("gateways"));
  gateways.define(defineGateway({ id: "ollama", name: "Ollama", baseURL: "http://localhost:11434/v1", local: true }), plugin("gateways"));
  gateways.define(defineGateway({ id: "acme", name: "Acme", baseURL: "https://api.acme.example/v1", apiKeyEnv: "ACME_API_KEY" }), plugin("acme-gateway"));
  gateways.configure({ lab: { baseURL: "http://127.0.0.1:9000/v1" } }, "/work/bridle.config.json");
  const capabilities = new CapabilityStore();
  capabilities.set("groq", "kimi-k2.6", { dropped: ["stream_options"], renamed: { max_tokens: "max_completion_tokens" }, replay: { field: "reasoning_content" } });
  const overview = (environment: NodeJS.ProcessEnv) =>
    describeGateways({
      gateways,
      environment,
      capabilities,
      plugins: [
        { name: "gateways", origin: "@bridle/preset-default" },
        { name: "acme-gateway", origin: "./acme-gateway.mjs" },
      ],
      builtinPlugins: new Set(["gateways"]),
    });
  const report = gatewaysReport(overview({ GROQ_API_KEY: "gsk-secret-value" }), "groq");

  it("marks the current gateway and tells set, missing and optional keys apart", () => {
    expect(row(report, "groq")?.cells.slice(0, 5)).toEqual(["●", "groq", "built-in (plugin gateways)", "GROQ_API_KEY set", "https://api.groq.com/openai/v1"]);
    expect(row(report, "together")).toMatchObject({ cells: [" ", "together", "built-in (plugin gateways)", "TOGETHER_API_KEY missing", "https://api.together.xyz/v1", "-", "closed"], tone: "dim" });
    expect(row(report, "vllm")?.cells[3]).toBe("VLLM_API_KEY not set (optional, local)");
    expect(row(report, "ollama")?.cells[3]).toBe("none needed (local)");
    expect(report.title).toBe("gateways · in use: groq · 4 of 6 usable");
  });

  it("says where each gateway was defined and what negotiation remembered", () => {
    expect(row(report, "acme")?.cells[2]).toBe("plugin acme-gateway (./acme-gateway.mjs)");
    expect(row(report, "lab")?.cells[2]).toBe("config /work/bridle.config.json");
    expect(row(report, "groq")?.cells[5]).toBe("kimi-k2.6: no stream_options, max_tokens→max_completion_tokens, replays reasoning_content");
    expect(overview({}).find((gateway) => gateway.id === "groq")?.origin.kind).toBe("built-in");
    expect(overview({}).find((gateway) => gateway.id === "acme")?.origin.kind).toBe("plugin");
  });

  it("shows each endpoint's circuit breaker as a plugin reports it", () => {
    const now = Date.now();
    gateways.addHealthSource((id) => (id === "acme" ? [{ endpoint: "acme", state: "open", failures: 3, retryAt: now + 20_000 }, { endpoint: "eu", state: "half-open", failures: 1 }] : []), "fallback");
    const shown = gatewaysReport(overview({}), "groq");
    expect(row(shown, "acme")?.cells[6]).toMatch(/^acme: open for (19|20) s \(3 failures\); eu: half-open \(1 failure\)$/);
    expect(row(shown, "groq")?.cells[6]).toBe("closed");
    expect(shown.columns?.at(-1)).toBe("breaker");
  });

  it("never shows a key's value", () => {
    expect(JSON.stringify(report)).not.toContain("gsk-secret-value");
    expect(JSON.stringify(overview({ GROQ_API_KEY: "gsk-secret-value" }))).not.toContain("gsk-secret-value");
  });

  it("leaves out disabled gateways", () => {
    gateways.configure({ together: { enabled: false } });
    expect(row(gatewaysReport(overview({}), "groq"), "together")).toBeUndefined();
    gateways.configure({ together: { enabled: true } });
  });
});
