import { describe, expect, it } from "vitest";
import { createDoomLoopGuard } from "./doom-loop-guard.js";

describe("createDoomLoopGuard", () => {
  it("stops at the third identical failing call", () => {
    const guard = createDoomLoopGuard();
    const call = { name: "glob", arguments: '{"pattern": ""}' };
    expect(guard.recordFailure(call)).toEqual({ repeats: 1, stop: false });
    expect(guard.recordFailure({ name: "glob", arguments: '{"pattern":""}' })).toEqual({ repeats: 2, stop: false });
    expect(guard.recordFailure(call)).toEqual({ repeats: 3, stop: true });
  });

  it("counts different calls apart and forgets on reset", () => {
    const guard = createDoomLoopGuard(2);
    guard.recordFailure({ name: "read", arguments: '{"path": "a"}' });
    expect(guard.recordFailure({ name: "read", arguments: '{"path": "b"}' }).stop).toBe(false);
    guard.reset();
    expect(guard.recordFailure({ name: "read", arguments: '{"path": "a"}' }).repeats).toBe(1);
  });

  it("rejects a nonsensical limit", () => {
    expect(() => createDoomLoopGuard(0)).toThrow(/limit must be a positive integer, got 0/);
  });
});
