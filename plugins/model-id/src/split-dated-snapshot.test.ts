import { describe, expect, it } from "vitest";
import { splitDatedSnapshot } from "./split-dated-snapshot.js";

describe("splitDatedSnapshot", () => {
  it("splits every dated form labs and gateways use", () => {
    expect(splitDatedSnapshot("qwen3-coder-plus-2025-09-23")).toEqual({ base: "qwen3-coder-plus", date: "2025-09-23", order: 20250923 });
    expect(splitDatedSnapshot("gpt-4o-2024-08-06")).toEqual({ base: "gpt-4o", date: "2024-08-06", order: 20240806 });
    expect(splitDatedSnapshot("claude-sonnet-4-20250514")).toMatchObject({ base: "claude-sonnet-4", order: 20250514 });
    expect(splitDatedSnapshot("glm-4.6-251201")).toMatchObject({ base: "glm-4.6", order: 20251201 });
    expect(splitDatedSnapshot("mistral-medium-2507")).toMatchObject({ base: "mistral-medium", order: 20250700 });
    expect(splitDatedSnapshot("mistral-small-25-07")).toMatchObject({ base: "mistral-small", order: 20250700 });
    expect(splitDatedSnapshot("deepseek-v3-0324")).toMatchObject({ base: "deepseek-v3", order: 324 });
    expect(splitDatedSnapshot("qwen3.5-plus-02-15")).toMatchObject({ base: "qwen3.5-plus", order: 215 });
  });

  it("leaves ids that end in sizes, versions or impossible dates alone", () => {
    for (const id of ["gpt-oss-120b", "llama-3.1-8b", "mistral-7b-instruct-v0.3", "qwen3-coder", "model-2513", "model-1399", "2025-09-23"]) {
      expect(splitDatedSnapshot(id), id).toBeNull();
    }
  });
});
