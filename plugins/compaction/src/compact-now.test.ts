import { type SessionContext, Stage } from "@bridle/core";
import type { GatewaySim } from "@bridle/gateway-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compactNow } from "./compact-now.js";
import { compactionCount } from "./session-state.js";
import { isSummaryMessage } from "./summary-message.js";
import { createSimSession, SIM_MODELS, startSim } from "../test/sim-session.js";
import { syntheticConversation } from "../test/synthetic-conversation.js";

let sim: GatewaySim;
beforeAll(async () => {
  sim = await startSim({ steps: [{ when: { hasTools: false }, repeat: true, content: "## Task\nThe brief." }, { when: { hasTools: true }, repeat: true, content: "ok" }] });
});
afterAll(() => sim.close());

describe("compactNow (/compact)", () => {
  it("summarizes all but the recent turns with the focus in the request, whatever the tiers say", async () => {
    const history = syntheticConversation(20);
    const session = createSimSession(sim, { model: SIM_MODELS.mid.slug, history });
    let captured: SessionContext | undefined;
    session.kernel.hooks.beforeRequest.tapPromise({ name: "capture", stage: Stage.OBSERVE }, async (request, context) => {
      captured = context;
      return request;
    });
    try {
      await session.agent.runTurn("hello", { signal: new AbortController().signal, onEvent: () => {} });
      expect(compactionCount(captured!)).toBe(0);
      sim.requests.clear();
      const outcome = await compactNow(captured!, { focus: "the lexer rewrite" });
      expect(outcome.tokensAfter).toBeLessThan(outcome.tokensBefore);
      expect(outcome.message).toMatch(/^compacted \S+ to \S+ tokens: summarized \d+ messages, kept the last 3 turns verbatim$/);
      const summary = sim.requests.all().find((request) => !Array.isArray((request.body as { tools?: unknown }).tools));
      expect(JSON.stringify(summary?.body)).toContain("pay special attention to: the lexer rewrite");
      expect(isSummaryMessage(session.agent.messages[0]!)).toBe(true);
      expect(compactionCount(captured!)).toBe(1);
      expect(session.records().filter((record) => record.type === "compaction")).toEqual([expect.objectContaining({ reason: "manual" })]);
      expect(session.feed.filter((event) => event.type === "compaction.done")).toHaveLength(1);

      // Nothing older than the kept turns is left: a second /compact changes nothing.
      const again = await compactNow(captured!, {});
      expect(again.message).toMatch(/^nothing to compact/);
      expect(compactionCount(captured!)).toBe(1);
    } finally {
      session.close();
    }
  });
});
