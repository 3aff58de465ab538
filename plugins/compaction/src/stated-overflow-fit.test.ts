import { type GatewaySim, startGatewaySim } from "@bridle/gateway-sim";
import { afterEach, describe, expect, it } from "vitest";
import { createSimSession, SIM_GATEWAY, SIM_MODELS, type SimSession } from "../test/sim-session.js";
import { syntheticConversation } from "../test/synthetic-conversation.js";

let sim: GatewaySim | undefined;
let session: SimSession | undefined;
afterEach(async () => {
  session?.close();
  session = undefined;
  await sim?.close();
  sim = undefined;
});

/** The gateway runs the model with a quarter of the window the registry knows, and says so when it overflows. */
const SERVED_WINDOW = 32_768;

describe("an overflow that states its numbers", () => {
  it("the next request fits the window and prompt size the gateway stated; never the same request twice", async () => {
    sim = await startGatewaySim({
      profiles: [{ profile: SIM_GATEWAY, replaceModels: true, models: [{ slug: SIM_MODELS.small.slug, contextWindow: SERVED_WINDOW, maxOutputTokens: 8_000, family: "other" }] }],
      scenario: { steps: [{ when: { hasTools: false }, repeat: true, content: "## Task\nKeep going." }, { when: { hasTools: true }, repeat: true, content: "ok" }] },
    });
    // About 30k tokens of history: fits the 128k the registry knows, not the 32k the gateway runs.
    session = createSimSession(sim, { model: SIM_MODELS.small.slug, history: syntheticConversation(40, { tool: 600, answer: 120, user: 20 }) });
    const result = await session.agent.runTurn("next step", { signal: new AbortController().signal, onEvent: () => {} });
    expect(result.reason).toBe("stop");

    const main = sim.requests.completions(SIM_GATEWAY).filter((request) => ((request.body as { tools?: unknown[] }).tools ?? []).length > 0);
    expect(main.map((request) => request.outcome)).toEqual(["overflow", "reply"]);
    const [overflowed, retried] = main as [(typeof main)[number], (typeof main)[number]];
    expect(overflowed.promptTokens! + overflowed.maxTokens!).toBeGreaterThan(SERVED_WINDOW);
    expect(retried.promptTokens! + retried.maxTokens!).toBeLessThanOrEqual(SERVED_WINDOW);
    expect(JSON.stringify(retried.body)).not.toBe(JSON.stringify(overflowed.body));
    // The stated window is learned for this model on this gateway.
    expect(session.kernel.models.limits(SIM_MODELS.small.slug as never, SIM_GATEWAY)).toEqual(expect.objectContaining({ contextWindow: SERVED_WINDOW, source: "learned" }));
    expect(session.records()).toContainEqual(expect.objectContaining({ type: "compaction", reason: "overflow" }));
  });
});
