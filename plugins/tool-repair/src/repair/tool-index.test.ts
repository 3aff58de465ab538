import { describe, expect, it } from "vitest";
import { indexTools } from "./tool-index.js";

describe("indexTools", () => {
  const tools = [
    { name: "read", parameters: { type: "object", properties: { path: { type: "string" }, options: { type: "object", properties: { raw: { type: "boolean" } } } }, required: ["path"] } },
    { name: '": junk', parameters: { type: "object" } },
  ];

  it("indexes once per tools array", () => {
    expect(indexTools(tools)).toBe(indexTools(tools));
    expect(indexTools(tools).names).toEqual(["read", '": junk']);
  });

  it("knows every declared key, plausible names and target keys", () => {
    const read = indexTools(tools).byName.get("read");
    expect([...(read?.knownKeys() ?? [])]).toEqual(["path", "options", "raw"]);
    expect(read?.emptyTargetKeys).toEqual(["path"]);
    expect(indexTools(tools).byName.get('": junk')?.plausibleName).toBe(false);
    expect(indexTools(tools).byName.get('": junk')?.knownKeys()).toBeNull();
  });
});
