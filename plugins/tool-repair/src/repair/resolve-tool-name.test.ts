import { describe, expect, it } from "vitest";
import { RepairRecorder } from "./repair-recorder.js";
import { resolveToolName } from "./resolve-tool-name.js";
import { indexTools } from "./tool-index.js";

const index = indexTools(["read", "read_file", "web_search", "web_fetch"].map((name) => ({ name, parameters: { type: "object" } })));

function resolve(name: string | null): { found: string | string[] | null; rules: string[] } {
  const recorder = new RepairRecorder();
  const resolution = resolveToolName(name, index, recorder);
  const found = resolution.kind === "tool" ? resolution.tool.name : resolution.kind === "concatenated" ? resolution.tools.map((tool) => tool.name) : null;
  return { found, rules: recorder.rules };
}

describe("resolveToolName", () => {
  it("takes exact names without firing a rule", () => {
    expect(resolve("read_file")).toEqual({ found: "read_file", rules: [] });
  });

  it("records the step that resolved the name", () => {
    expect(resolve("Read_File")).toEqual({ found: "read_file", rules: ["tool-name-case"] });
    expect(resolve("functions.web_search:0")).toEqual({ found: "web_search", rules: ["tool-name-debris", "tool-name-prefix"] });
    expect(resolve("web_fetchh")).toEqual({ found: "web_fetch", rules: ["tool-name-near-miss"] });
    expect(resolve("web_fetchweb_search")).toEqual({ found: ["web_fetch", "web_search"], rules: ["split-concatenated-names"] });
  });

  it("resolves nothing for missing, junk or unknown names", () => {
    expect(resolve(null).found).toBeNull();
    expect(resolve("{}").found).toBeNull();
    expect(resolve("browse").found).toBeNull();
  });
});
