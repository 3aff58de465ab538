import { GatewayRegistry } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { gatewaysReport } from "./gateways-report.js";

const row = (report: ReturnType<typeof gatewaysReport>, id: string) => report.rows.find((entry) => entry.cells[1] === id);

describe("gatewaysReport", () => {
  const gateways = new GatewayRegistry([
    { id: "groq", name: "Groq", baseURL: "https://api.groq.com/openai/v1", apiKeyEnv: "GROQ_API_KEY", maxTokensParameter: "max_tokens", streamUsage: true, local: false },
    { id: "together", name: "Together", baseURL: "https://api.together.xyz/v1", apiKeyEnv: "TOGETHER_API_KEY", maxTokensParameter: "max_tokens", streamUsage: true, local: false },
    { id: "vllm", name: "vLLM", baseURL: "http://localhost:8000/v1", apiKeyEnv: "VLLM_API_KEY", maxTokensParameter: "max_tokens", streamUsage: true, local: true },
    { id: "ollama", name: "Ollama", baseURL: "http://localhost:11434/v1", maxTokensParameter: "max_tokens", streamUsage: true, local: true },
  ]);
  const report = gatewaysReport(gateways, { GROQ_API_KEY: "gsk-secret-value" }, "groq");

  it("marks the current gateway and tells set, missing and optional keys apart", () => {
    expect(row(report, "groq")).toEqual({ cells: ["●", "groq", "GROQ_API_KEY set", "https://api.groq.com/openai/v1"], tone: "current" });
    expect(row(report, "together")).toMatchObject({ cells: [" ", "together", "TOGETHER_API_KEY missing", "https://api.together.xyz/v1"], tone: "dim" });
    expect(row(report, "vllm")?.cells[2]).toBe("VLLM_API_KEY not set (optional, local)");
    expect(row(report, "ollama")?.cells[2]).toBe("none needed (local)");
    expect(report.title).toBe("gateways · in use: groq · 3 of 4 usable");
  });

  it("never shows a key's value", () => {
    expect(JSON.stringify(report)).not.toContain("gsk-secret-value");
  });

  it("leaves out disabled gateways", () => {
    const configured = new GatewayRegistry(gateways.list());
    configured.configure({ together: { enabled: false } });
    expect(row(gatewaysReport(configured, {}, "groq"), "together")).toBeUndefined();
  });
});
