import { describe, expect, it } from "vitest";
import { isToolName } from "./is-tool-name.js";

describe("isToolName", () => {
  it("accepts identifier-like names in any script and refuses prose", () => {
    for (const name of ["get_weather", "mcp.server/tool-1", "查询天气"]) expect(isToolName(name), name).toBe(true);
    for (const name of ["", "get weather", "a<b", "x".repeat(300)]) expect(isToolName(name), name).toBe(false);
  });
});
