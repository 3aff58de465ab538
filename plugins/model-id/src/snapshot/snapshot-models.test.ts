import { describe, expect, it } from "vitest";
import { canonicalize } from "../canonicalize.js";
import { SNAPSHOT_IDS, SNAPSHOT_MODELS } from "./snapshot-models.js";

describe("the registry snapshot", () => {
  it("describes each model once, with sane limits", () => {
    expect(new Set(SNAPSHOT_IDS).size).toBe(SNAPSHOT_IDS.length);
    for (const model of SNAPSHOT_MODELS) {
      expect(model.contextWindow, model.id).toBeGreaterThanOrEqual(2_048);
      expect(model.maxOutputTokens, model.id).toBeGreaterThan(0);
      for (const [gateway, override] of Object.entries(model.gateways ?? {})) {
        // A gateway entry either marks the model as served there (no override) or a smaller window.
        if (override.contextWindow !== undefined) expect(override.contextWindow, `${model.id} on ${gateway}`).toBeLessThan(model.contextWindow);
      }
    }
  });

  it("is keyed by canonical ids: each id resolves to itself", () => {
    const moved = SNAPSHOT_IDS.filter((id) => canonicalize(id).id !== id);
    expect(moved).toEqual([]);
  });

  it("covers the open models coding agents run", () => {
    for (const id of ["kimi-k2.6", "qwen3-coder-480b-a35b-instruct", "glm-4.6", "deepseek-v4-flash", "minimax-m2.5", "gpt-oss-120b"]) {
      expect(SNAPSHOT_IDS).toContain(id);
    }
    expect(SNAPSHOT_MODELS.find((model) => model.id === "deepseek-v4-flash")?.contextWindow).toBe(1_000_000);
  });

  it("records the reasoning-replay policy of each family", () => {
    const byId = new Map(SNAPSHOT_MODELS.map((model) => [model.id, model]));
    expect(byId.get("deepseek-v4-flash")).toMatchObject({ reasoning: "optional", reasoningReplay: "all-turns" });
    expect(byId.get("deepseek-v3.2")).toMatchObject({ reasoningReplay: "tool-turns" });
    expect(byId.get("kimi-k2.6")).toMatchObject({ reasoningReplay: "tool-turns", replayRejectsEmpty: true });
    expect(byId.get("minimax-m2.5")).toMatchObject({ reasoning: "always", reasoningReplay: "all-turns" });
    expect(byId.get("qwen3-coder-480b-a35b-instruct")).toMatchObject({ reasoning: "none", toolCalls: true });
  });

  it("keeps a gateway's smaller window as an override", () => {
    const glm = SNAPSHOT_MODELS.find((model) => model.id === "glm-5.1");
    expect(glm?.gateways?.openrouter?.contextWindow).toBe(65_536);
  });
});
