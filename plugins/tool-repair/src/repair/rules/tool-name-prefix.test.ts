import { describe, expect, it } from "vitest";
import { matchToolNamePrefix } from "./tool-name-prefix.js";

const OFFERED = ["read", "read_file", "glob", "search"];

describe("matchToolNamePrefix", () => {
  it("strips namespaces at separators", () => {
    expect(matchToolNamePrefix("functions.read", OFFERED)).toBe("read");
    expect(matchToolNamePrefix("default_api:glob", OFFERED)).toBe("glob");
    expect(matchToolNamePrefix("mcp__fs__read_file", OFFERED)).toBe("read_file");
    expect(matchToolNamePrefix("tools/Search", OFFERED)).toBe("search");
  });

  it("strips a glued prefix only at a CamelCase or separator boundary", () => {
    expect(matchToolNamePrefix("ProxyRead", OFFERED)).toBe("read");
    expect(matchToolNamePrefix("proxy_glob", OFFERED)).toBe("glob");
    expect(matchToolNamePrefix("thread", OFFERED)).toBeNull();
    expect(matchToolNamePrefix("research", OFFERED)).toBeNull();
  });

  it("strips a tool suffix", () => {
    expect(matchToolNamePrefix("read_file_tool", OFFERED)).toBe("read_file");
    expect(matchToolNamePrefix("GlobTool", OFFERED)).toBe("glob");
  });
});
