import { describe, expect, it } from "vitest";
import { formatRepairTally, tallyRepairs } from "./repair-tally.js";

describe("tallyRepairs", () => {
  it("counts each rule per model and gateway, including calls parsed out of the text", () => {
    const repaired = { type: "tool.repaired", level: "info" as const, message: "", data: { model: "kimi-k2-0905", gateway: "groq", rules: ["drop-null-optional", "string-to-number"] } };
    const extracted = { type: "tool.extracted", level: "info" as const, message: "", data: { model: "qwen3-coder", gateway: "fireworks", grammars: ["qwen3-coder-xml"] } };
    let tally = tallyRepairs({}, repaired);
    tally = tallyRepairs(tally, repaired);
    tally = tallyRepairs(tally, extracted);
    tally = tallyRepairs(tally, { type: "request.retry", level: "warn", message: "", data: { model: "x", gateway: "y", rules: ["nope"] } });
    expect(formatRepairTally(tally)).toEqual([
      "drop-null-optional × 2 (kimi-k2-0905 @ groq)",
      "string-to-number × 2 (kimi-k2-0905 @ groq)",
      "leaked-qwen3-coder-xml × 1 (qwen3-coder @ fireworks)",
    ]);
  });
});
