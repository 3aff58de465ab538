import { describe, expect, it } from "vitest";
import { resumeRecap } from "./resume-recap.js";

describe("resumeRecap", () => {
  it("shows the last prompt and the last answer to it, cut to a few lines", () => {
    const long = Array.from({ length: 10 }, (_, index) => `line ${index}`).join("\n");
    const recap = resumeRecap([
      { role: "user", content: "first" },
      { role: "assistant", content: "old answer" },
      { role: "user", content: "second" },
      { role: "assistant", content: null, toolCalls: [{ id: "1", name: "ls", arguments: "{}" }] },
      { role: "tool", toolCallId: "1", content: "a.txt" },
      { role: "assistant", content: long },
    ]);
    expect(recap).toEqual([
      { kind: "user", text: "second" },
      { kind: "text", text: "line 0\nline 1\nline 2\nline 3\nline 4\nline 5\n… 4 more lines" },
    ]);
  });

  it("shows a prompt left without an answer, and nothing for an empty session", () => {
    expect(resumeRecap([{ role: "user", content: "interrupted question" }])).toEqual([{ kind: "user", text: "interrupted question" }]);
    expect(resumeRecap([])).toEqual([]);
  });
});
