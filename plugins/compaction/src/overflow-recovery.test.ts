import { type CanonicalModelId, HarnessError, ModelRegistry } from "@bridle/core";
import { createTestContext } from "@bridle/core/testing";
import { describe, expect, it } from "vitest";
import { createCompactionEngine } from "./compaction-engine.js";
import { overflowRecovery } from "./overflow-recovery.js";
import { sessionState } from "./session-state.js";

function registry() {
  const models = new ModelRegistry();
  models.define({ id: "m", family: "other", contextWindow: 100_000, maxOutputTokens: 8000, toolCalls: true, reasoning: "none", reasoningReplay: "drop" });
  return models;
}
const overflow = () => new HarnessError("g answered 400: prompt is too long", { kind: "overflow", gateway: "g", model: "m", status: 400, retryable: false });

describe("overflowRecovery", () => {
  it("compacts and retries once per turn, then fails with what to do", () => {
    const engine = createCompactionEngine();
    const context = createTestContext({ model: "m", gateway: "g", models: registry() });
    expect(overflowRecovery(overflow(), context, engine)).toEqual({ action: "compact-and-retry", reason: "the prompt did not fit m's window on g" });
    const second = overflowRecovery(overflow(), { ...context, attempt: 1, compactRequested: true }, engine);
    expect(second).toMatchObject({ action: "fail" });
    expect(second?.action === "fail" && second.message).toMatch(/^g still says the conversation does not fit m's 100k-token window after compacting once\. Run \/compact .* \/model/);
    // The next turn gets its own compact-and-retry.
    expect(overflowRecovery(overflow(), { ...context, turn: 2 }, engine)).toMatchObject({ action: "compact-and-retry" });
  });

  it("passes every other error on", () => {
    const context = createTestContext({ model: "m", gateway: "g", models: registry() });
    const limited = new HarnessError("429", { kind: "rate-limit", gateway: "g", model: "m", status: 429, retryable: true });
    expect(overflowRecovery(limited, context, createCompactionEngine())).toBeUndefined();
  });

  it("raises the model's calibration when the estimate had said the request fit", () => {
    const engine = createCompactionEngine();
    const context = createTestContext({ model: "m", gateway: "g", models: registry() });
    sessionState(context, engine).pending = { turn: 1, attempt: 0, model: "m" as CanonicalModelId, estimated: 80_000, request: { messages: [], tools: [] }, window: 100_000, maxOutputTokens: 8000 };
    overflowRecovery(overflow(), context, engine);
    expect(engine.calibrations.get("m")!.ratio).toBeGreaterThanOrEqual(92_000 / 80_000);
  });

  it("leaves the calibration alone when the overflow taught a smaller window", () => {
    const engine = createCompactionEngine();
    const models = registry();
    const context = createTestContext({ model: "m", gateway: "g", models });
    sessionState(context, engine).pending = { turn: 1, attempt: 0, model: "m" as CanonicalModelId, estimated: 80_000, request: { messages: [], tools: [] }, window: 100_000, maxOutputTokens: 8000 };
    models.learn("m" as CanonicalModelId, "g", 65_536);
    overflowRecovery(overflow(), context, engine);
    expect(engine.calibrations.has("m")).toBe(false);
  });
});
