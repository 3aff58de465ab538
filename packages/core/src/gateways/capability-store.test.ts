import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CapabilityStore, capabilitiesFile } from "./capability-store.js";

describe("CapabilityStore", () => {
  it("keeps what it learned per gateway and model, and a new store on the same file reads it back", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "bridle-caps-")), "bridle", "capabilities.json");
    const store = new CapabilityStore(file);
    store.set("acme", "kimi-k2.6", { dropped: ["stream_options"], renamed: {} });
    store.set("acme", "glm-4.6", { dropped: [], renamed: {}, replay: { field: "reasoning_content" } });
    expect(store.get("other", "kimi-k2.6")).toEqual({ dropped: [], renamed: {} });
    const again = new CapabilityStore(file);
    expect(again.get("acme", "kimi-k2.6")).toEqual({ dropped: ["stream_options"], renamed: {} });
    expect(again.forGateway("acme").map((entry) => entry.model).sort()).toEqual(["glm-4.6", "kimi-k2.6"]);
    expect(JSON.parse(readFileSync(file, "utf8")).version).toBe(1);
  });

  it("starts empty from a damaged file and replaces it whole on the next write", () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), "bridle-caps-")), "capabilities.json");
    writeFileSync(file, "{ not json");
    const store = new CapabilityStore(file);
    expect(store.get("acme", "m")).toEqual({ dropped: [], renamed: {} });
    store.set("acme", "m", { dropped: ["tool_choice"], renamed: {} });
    expect(JSON.parse(readFileSync(file, "utf8")).gateways.acme.m.dropped).toEqual(["tool_choice"]);
  });

  it("lives in the XDG cache directory", () => {
    expect(capabilitiesFile({ XDG_CACHE_HOME: "/c" })).toBe("/c/bridle/capabilities.json");
    expect(capabilitiesFile({ HOME: "/h" })).toBe("/h/.cache/bridle/capabilities.json");
  });
});
