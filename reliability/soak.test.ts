/**
 * The fault soak, short (requirement 40): the same run as `node bench/run.mjs soak`
 * (bench/soak/run-soak.mjs) over 60 turns with a fixed seed, so CI guards it. Every turn meets
 * faults and malformations from the corpora over the loopback simulator, through the real kernel
 * with the default preset; after every turn the session log must replay to the live conversation
 * and hold every record written, in order.
 */
import { describe, expect, it } from "vitest";
import { runSoak } from "../bench/soak/run-soak.mjs";

describe("fault soak, 60 turns (requirement 40)", () => {
  it("ends every fault in a recovery or a clear message, loses no record and never crashes", { timeout: 120_000 }, async () => {
    const result = await runSoak({ turns: 60, seed: 40 });
    const { figures } = result;
    expect(result.problems).toEqual([]);
    expect(figures.turns).toBe(60);
    expect(figures.faults).toBeGreaterThan(40);
    // Most kinds of fault come up in 60 turns; each one ended in a recovery or a clear message.
    expect(Object.values(figures.faultsByKind).filter((count) => count > 0).length).toBeGreaterThanOrEqual(12);
    expect(figures.recoveries + figures.clearMessages).toBe(figures.faults);
    expect(figures.recoveries).toBeGreaterThan(figures.faults / 2);
    expect(figures.unhandledFaults).toBe(0);
    expect(figures.recordsLost).toBe(0);
    expect(figures.replayMismatches).toBe(0);
    expect(figures.skippedLines).toBe(0);
    expect(figures.crashes).toBe(0);
    // The run did real work: tools ran in the workspace, a retry and a compaction happened.
    expect(figures.toolRuns).toBeGreaterThan(100);
    expect(figures.retries).toBeGreaterThan(0);
  });
});
