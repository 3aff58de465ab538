import { describe, expect, it } from "vitest";
import { expandMap, expandVariables } from "./expand-variables.js";

describe("expandVariables", () => {
  it("reads ${NAME} from the environment and reports the values as secrets", () => {
    expect(expandVariables("Bearer ${TOKEN}", { TOKEN: "abc123456" }, "h")).toEqual({ value: "Bearer abc123456", missing: [], secrets: ["abc123456"] });
  });

  it("uses ${NAME:-default} when unset, and names what is missing otherwise", () => {
    expect(expandVariables("${PORT:-8080}", {}, "x").value).toBe("8080");
    expect(expandVariables("${NOPE}", {}, "mcp.s.url")).toEqual({ value: "", missing: ["mcp.s.url needs ${NOPE}, which is not set"], secrets: [] });
  });

  it("leaves a lone $ and $NAME as written", () => {
    expect(expandVariables("cost $5 and $HOME", { HOME: "/h" }, "x").value).toBe("cost $5 and $HOME");
  });

  it("expands each value of a map, naming the key", () => {
    expect(expandMap({ A: "${X}", B: "plain" }, {}, "mcp.s.env")).toEqual({ map: { A: "", B: "plain" }, missing: ["mcp.s.env.A needs ${X}, which is not set"], secrets: [] });
  });
});
