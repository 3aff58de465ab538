import { createTestContext } from "@bridle/core/testing";
import { describe, expect, it } from "vitest";
import { applyCompaction } from "./apply-compaction.js";
import { createCompactionEngine } from "./compaction-engine.js";
import { restoreSavedState, toSavedState } from "./saved-state.js";
import { STATE_KEY, sessionState } from "./session-state.js";

describe("saved compaction state", () => {
  it("round-trips calibrations and the compaction count", () => {
    const engine = createCompactionEngine();
    engine.calibrations.set("kimi-k2.6", { ratio: 1.18, samples: 4 });
    const restored = createCompactionEngine();
    expect(restoreSavedState(JSON.parse(JSON.stringify(toSavedState(engine, 3))), restored)).toEqual({ compactions: 3 });
    expect(restored.calibrations.get("kimi-k2.6")).toEqual({ ratio: 1.18, samples: 4 });
  });

  it("ignores malformed or out-of-bounds entries and keeps a calibration the engine already has", () => {
    const engine = createCompactionEngine();
    engine.calibrations.set("a", { ratio: 1.1, samples: 9 });
    const saved = { calibrations: { a: { ratio: 1.9, samples: 1 }, b: { ratio: 50, samples: 1 }, c: { ratio: "1" }, d: null, e: { ratio: 1.2, samples: 2 } }, compactions: -1 };
    expect(restoreSavedState(saved, engine)).toEqual({ compactions: 0 });
    expect(Object.fromEntries(engine.calibrations)).toEqual({ a: { ratio: 1.1, samples: 9 }, e: { ratio: 1.2, samples: 2 } });
    expect(restoreSavedState("nonsense", engine)).toEqual({ compactions: 0 });
  });

  it("starts a resumed session's state from what it saved", () => {
    const engine = createCompactionEngine();
    const context = createTestContext({ saved: { [STATE_KEY]: { calibrations: { m: { ratio: 1.5, samples: 2 } }, compactions: 2 } } });
    const state = sessionState(context, engine);
    expect(state.compactions).toBe(2);
    expect(engine.calibrations.get("m")).toEqual({ ratio: 1.5, samples: 2 });
  });

  it("saves the count with every compaction", () => {
    const engine = createCompactionEngine();
    const context = createTestContext({ messages: [{ role: "user", content: "a" }] });
    const state = sessionState(context, engine);
    applyCompaction(context, state, [{ role: "user", content: "summary" }], context.conversation.messages(), { reason: "manual", tokensBefore: 10, tokensAfter: 2 }, { message: "compacted" });
    expect(context.saves).toEqual([{ key: STATE_KEY, value: { calibrations: {}, compactions: 1 } }]);
  });
});
