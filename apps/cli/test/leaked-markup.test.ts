import { afterEach, describe, expect, it } from "vitest";
import { disposeSimProject, runCliToEnd, type SimProject, startSimProject } from "./sim-project.js";

let project: SimProject | undefined;
afterEach(async () => {
  project = await disposeSimProject(project);
});

/** Pieces of the tool-call grammars the scenario leaks; none may be shown. */
const MARKUP = /<\/?tool_call>|<\/?function|<\/?parameter|<\|tool_calls?_section|<\|tool_call_begin\|>/;

/** Answers that leak a call in the model's own grammar, streamed a few characters at a time. */
function leakingScenario(chunkChars: number) {
  return {
    steps: [
      {
        when: { lastRole: "user" as const },
        content: "Let me read it.\n<tool_call>\n<function=read>\n<parameter=path>\na.txt\n</parameter>\n</function>\n</tool_call>",
        stream: { chunkChars },
      },
      {
        when: { lastRole: "tool" as const },
        content: "Next file.<|tool_calls_section_begin|><|tool_call_begin|>functions.read:1<|tool_call_argument_begin|>{\"path\": \"b.txt\"}<|tool_call_end|><|tool_calls_section_end|>",
        stream: { chunkChars },
      },
      { when: { lastRole: "tool" as const }, content: "a.txt says alpha, b.txt says beta.", stream: { chunkChars } },
    ],
  };
}

describe("leaked tool-call markup while streaming (as a process, against the simulator)", () => {
  for (const chunkChars of [1, 3, 7]) {
    it(`never reaches stream-json text events, in chunks of ${chunkChars}`, async () => {
      project = await startSimProject({ files: { "a.txt": "alpha\n", "b.txt": "beta\n" }, scenario: leakingScenario(chunkChars) });
      const result = await runCliToEnd(["run", "--output", "stream-json", "what do a.txt and b.txt say?"], project);
      expect(result.code).toBe(0);
      const events = result.stdout.trim().split("\n").map((line) => JSON.parse(line) as { type: string; text?: string; name?: string });
      const text = events.filter((event) => event.type === "text").map((event) => event.text).join("");
      expect(text).not.toMatch(MARKUP);
      expect(text).toContain("Let me read it.");
      expect(text).toContain("Next file.");
      expect(text).toContain("a.txt says alpha, b.txt says beta.");
      expect(events.filter((event) => event.type === "tool_call").map((event) => event.name)).toEqual(["read", "read"]);
    });
  }

  it("never reaches the plain text renderer", async () => {
    project = await startSimProject({ files: { "a.txt": "alpha\n", "b.txt": "beta\n" }, scenario: leakingScenario(2) });
    const result = await runCliToEnd(["run", "what do a.txt and b.txt say?"], project);
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(MARKUP);
    expect(result.stderr).not.toMatch(MARKUP);
    expect(result.stdout).toContain("Let me read it.");
    expect(`${result.stdout}${result.stderr}`).toContain("• read");
  });
});
