import type { GatewaySim } from "@bridle/gateway-sim";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSimSession, SIM_MODELS, startSim } from "../test/sim-session.js";
import { words } from "../test/synthetic-conversation.js";

const TURNS = 200;

let sim: GatewaySim;
beforeAll(async () => {
  sim = await startSim({
    steps: [
      { when: { hasTools: false }, repeat: true, content: "## Task\nKeep going.\n## Next steps\nThe next task." },
      { when: { hasTools: true, lastRole: "user" }, repeat: true, toolCalls: [{ name: "read", arguments: '{"path":"notes-600.txt"}' }] },
      { when: { hasTools: true, lastRole: "tool" }, repeat: true, content: `Done. ${words(80, 9)}` },
    ],
  });
});
afterAll(() => sim.close());

/** Messages of a recorded request body, each serialized, to compare prefixes byte for byte. */
function sentMessages(body: unknown): string[] {
  return ((body as { messages: unknown[] }).messages ?? []).map((message) => JSON.stringify(message));
}

describe("a 200-turn scripted session", () => {
  it("changes the prompt prefix only at compactions, and rarely", { timeout: 120_000 }, async () => {
    const session = createSimSession(sim, { model: SIM_MODELS.tiny.slug });
    try {
      for (let turn = 1; turn <= TURNS; turn++) {
        const result = await session.agent.runTurn(`Task ${turn}: ${words(100, turn)}`, { signal: new AbortController().signal, onEvent: () => {} });
        expect(result.reason).toBe("stop");
      }
      const main = sim.requests.all().filter((request) => request.path.endsWith("/chat/completions") && Array.isArray((request.body as { tools?: unknown[] }).tools));
      expect(main).toHaveLength(TURNS * 2);
      let prefixChanges = 0;
      let previous: string[] = [];
      for (const request of main) {
        expect(request.outcome).toBe("reply");
        const messages = sentMessages(request.body);
        const kept = previous.every((message, index) => messages[index] === message);
        if (!kept) prefixChanges += 1;
        previous = messages;
      }
      const compactions = session.records().filter((record) => record.type === "compaction");
      const perHundredTurns = (prefixChanges / TURNS) * 100;
      console.info(`prefix changes per 100 turns: ${perHundredTurns} (${prefixChanges} in ${TURNS} turns; compactions: ${compactions.map((record) => (record.type === "compaction" ? record.reason : "")).join(", ")})`);
      // Every prefix change is a compaction, and nothing else changes the prefix.
      expect(prefixChanges).toBe(compactions.length);
      expect(compactions.length).toBeGreaterThan(0);
      expect(perHundredTurns).toBeLessThanOrEqual(5);
      expect(compactions.some((record) => record.type === "compaction" && record.reason === "tier3")).toBe(true);
    } finally {
      session.close();
    }
  });
});
