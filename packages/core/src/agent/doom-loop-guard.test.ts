import { describe, expect, it } from "vitest";
import { callFingerprint, DOOM_LOOP_LIMIT, DoomLoopGuard, repeatSummary, repeatWarning } from "./doom-loop-guard.js";

const read = (path: string) => callFingerprint("read", { path });
const ok = (result: string) => ({ failed: false, result });
const failed = (result = "boom") => ({ failed: true, result });

describe("DoomLoopGuard", () => {
  it("warns at the 3rd identical successful call in a row and stops at the 4th", () => {
    const guard = new DoomLoopGuard();
    const verdicts = [1, 2, 3, 4].map(() => guard.observe(read("a.txt"), ok("alpha")).kind);
    expect(verdicts).toEqual(["continue", "continue", "warn", "stop-repeating"]);
    expect(DOOM_LOOP_LIMIT).toBe(3);
  });

  it("treats key order and JSON spacing as the same arguments", () => {
    expect(callFingerprint("grep", '{"pattern":"x", "path":"src"}')).toBe(callFingerprint("grep", { path: "src", pattern: "x" }));
  });

  it("starts over when another call comes between (a read again after an edit)", () => {
    const guard = new DoomLoopGuard();
    const kinds = [
      guard.observe(read("a.txt"), ok("alpha")),
      guard.observe(read("a.txt"), ok("alpha")),
      guard.observe(callFingerprint("edit", { path: "a.txt" }), ok("edited")),
      guard.observe(read("a.txt"), ok("alpha")),
      guard.observe(read("a.txt"), ok("alpha")),
    ].map((verdict) => verdict.kind);
    expect(kinds).toEqual(["continue", "continue", "continue", "continue", "continue"]);
  });

  it("starts over when the same call returns something new (a poll whose output moves)", () => {
    const guard = new DoomLoopGuard();
    const poll = callFingerprint("bash", { command: "tail -n 1 build.log" });
    const kinds = ["10%", "40%", "40%", "90%", "done", "done"].map((output) => guard.observe(poll, ok(output)).kind);
    expect(kinds).toEqual(["continue", "continue", "continue", "continue", "continue", "continue"]);
  });

  it("stops the same failing call at the 3rd failure; a success of that call resets it", () => {
    const guard = new DoomLoopGuard();
    const edit = callFingerprint("edit", { path: "a.txt", old: "x" });
    expect(guard.observe(edit, failed()).kind).toBe("continue");
    expect(guard.observe(edit, failed()).kind).toBe("continue");
    expect(guard.observe(edit, ok("edited")).kind).toBe("continue");
    expect(guard.observe(edit, failed()).kind).toBe("continue");
    expect(guard.observe(edit, failed()).kind).toBe("continue");
    expect(guard.observe(edit, failed())).toEqual({ kind: "stop-failing", times: 3 });
  });

  it("a failure in between breaks a run of identical successes", () => {
    const guard = new DoomLoopGuard();
    guard.observe(read("a.txt"), ok("alpha"));
    guard.observe(read("a.txt"), ok("alpha"));
    guard.observe(read("a.txt"), failed("gone"));
    expect(guard.observe(read("a.txt"), ok("alpha")).kind).toBe("continue");
  });

  it("words the warning and the summary with the tool and its arguments", () => {
    expect(repeatWarning("read")).toContain("exact call to read 3 times in a row");
    expect(repeatSummary("read", { path: "a.txt" }, 4)).toBe(
      'stopped: the model called read with the same arguments 4 times in a row and got the same result each time (it was warned after 3). Arguments: {"path":"a.txt"}',
    );
  });
});
