import { describe, expect, it } from "vitest";
import { sessionsReport } from "./sessions-report.js";

const now = new Date("2026-05-01T12:00:00Z");
const session = (id: string, updatedAt: string, firstUserText?: string) => ({ id, updatedAt, model: "moonshotai/kimi-k2", gateway: "groq", firstUserText, messageCount: 4 });

describe("sessionsReport", () => {
  it("shows age, size, model and first prompt, marking the current session", () => {
    const report = sessionsReport([session("b", "2026-05-01T11:55:00Z", "fix the tests"), session("a", "2026-04-28T09:00:00Z")], "b", now);
    expect(report.rows).toEqual([
      { cells: ["●", "b", "5 min ago", "4 msg", "kimi-k2 @ groq", "fix the tests"], tone: "current" },
      { cells: [" ", "a", "3 d ago", "4 msg", "kimi-k2 @ groq", "(no prompt)"], tone: "normal" },
    ]);
    expect(report.notes?.at(-1)).toContain("--resume <id>");
  });

  it("shows the newest fifteen and says how many more there are", () => {
    const many = Array.from({ length: 20 }, (_, index) => session(`s${index}`, "2026-05-01T11:59:30Z"));
    const report = sessionsReport(many, "s0", now);
    expect(report.rows).toHaveLength(15);
    expect(report.notes?.[0]).toBe("5 older sessions not shown");
  });
});
