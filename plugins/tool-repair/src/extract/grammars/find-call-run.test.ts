import { describe, expect, it } from "vitest";
import { findCallRun } from "./find-call-run.js";

const MARKERS = { callBegin: "<call>", callEnd: "</call>", sectionEnds: ["</calls>"] };

describe("findCallRun", () => {
  it("spans consecutive calls and takes a stray section close along", () => {
    const text = "<call>a</call>\n<call>b</call></calls> after";
    expect(findCallRun(text, 0, true, MARKERS)).toEqual({ kind: "run", limit: text.indexOf("</calls>"), end: text.indexOf(" after") });
  });

  it("ends a call without its end marker where the next call begins", () => {
    const text = "<call>a <call>b</call> after";
    expect(findCallRun(text, 0, true, MARKERS)).toEqual({ kind: "run", limit: text.indexOf(" after"), end: text.indexOf(" after") });
  });

  it("waits while an end marker or a follower is only partly written, the same way for every grammar", () => {
    expect(findCallRun("<call>a</ca", 0, false, MARKERS)).toEqual({ kind: "incomplete" });
    expect(findCallRun("<call>a</call> <ca", 0, false, MARKERS)).toEqual({ kind: "incomplete" });
    expect(findCallRun("<call>a</call></cal", 0, false, MARKERS)).toEqual({ kind: "incomplete" });
    expect(findCallRun("<call>a</call></calls>", 0, false, MARKERS)).toEqual({ kind: "run", limit: 14, end: 22 });
    expect(findCallRun("<call>a</call>text", 0, false, MARKERS)).toEqual({ kind: "run", limit: 14, end: 14 });
  });

  it("runs to the end of the final text when the last call never closes", () => {
    expect(findCallRun("<call>a", 0, true, MARKERS)).toEqual({ kind: "run", limit: 7, end: 7 });
  });
});
