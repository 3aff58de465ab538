import { describe, expect, it } from "vitest";
import { buildSummaryRequest, SUMMARY_PROMPT_OPENING } from "./build-summary-request.js";

describe("buildSummaryRequest", () => {
  it("asks for every section the handoff needs, with no tools offered", () => {
    const request = buildSummaryRequest({ model: "m", gateway: "g", transcript: "[user]\nhi", maxOutputTokens: 4000 });
    expect(request).toMatchObject({ model: "m", gateway: "g", tools: [], maxOutputTokens: 4000, body: {}, headers: {} });
    const system = request.messages[0]!.content as string;
    expect(system.startsWith(SUMMARY_PROMPT_OPENING)).toBe(true);
    for (const section of ["## Task", "## User constraints", "## Decisions", "## Files touched", "## Todo state", "## Next steps"]) {
      expect(system).toContain(section);
    }
    expect(system).toContain("4,000 tokens");
    expect(request.messages[1]).toEqual({ role: "user", content: "<conversation>\n[user]\nhi\n</conversation>\n\nWrite the brief now." });
  });

  it("carries the brief so far, the part number and the focus", () => {
    const request = buildSummaryRequest({ model: "m", gateway: "g", transcript: "t", previousBrief: "old brief", focus: "the auth bug", part: { index: 2, count: 3 }, maxOutputTokens: 100 });
    const user = request.messages[1]!.content as string;
    expect(user).toContain("<previous-brief>\nold brief\n</previous-brief>");
    expect(user).toContain('<conversation part="2 of 3">');
    expect(user).toContain("pay special attention to: the auth bug");
  });
});
