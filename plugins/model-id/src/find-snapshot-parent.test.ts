import { describe, expect, it } from "vitest";
import { findSnapshotParent } from "./find-snapshot-parent.js";

function lookup(ids: string[], canonicalize: (name: string) => string = (name) => name) {
  const known = new Set(ids);
  return { knownIds: ids, isKnown: (id: string) => known.has(id), canonicalize };
}

describe("findSnapshotParent", () => {
  it("prefers the undated model", () => {
    expect(findSnapshotParent("qwen3-coder-plus-2025-09-23", lookup(["qwen3-coder-plus", "qwen3-coder-plus-2025-07-22"]))).toBe("qwen3-coder-plus");
  });

  it("takes the latest dated sibling before it, else the earliest after", () => {
    const ids = ["mistral-medium-2505", "mistral-medium-2508", "mistral-medium-2511"];
    expect(findSnapshotParent("mistral-medium-2507", lookup(ids))).toBe("mistral-medium-2505");
    expect(findSnapshotParent("mistral-medium-25-09", lookup(ids))).toBe("mistral-medium-2508");
    expect(findSnapshotParent("mistral-medium-2501", lookup(ids))).toBe("mistral-medium-2505");
  });

  it("falls back to what the base resolves to, and to nothing for an unknown name or an undated id", () => {
    expect(findSnapshotParent("kimi-k2-2025-07-11", lookup(["kimi-k2-instruct"], (name) => (name === "kimi-k2" ? "kimi-k2-instruct" : name)))).toBe("kimi-k2-instruct");
    expect(findSnapshotParent("some-model-2025-01-01", lookup(["other"]))).toBeNull();
    expect(findSnapshotParent("qwen3-coder-plus", lookup(["qwen3-coder-plus"]))).toBeNull();
  });
});
