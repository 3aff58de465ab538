import { describe, expect, it } from "vitest";
import { mcpConfigSchema } from "./mcp-config-schema.js";

const problems = (value: unknown) => {
  const parsed = mcpConfigSchema.safeParse(value);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`);
};

describe("mcpConfigSchema", () => {
  it("accepts stdio and HTTP servers and booleans", () => {
    expect(problems({ files: { command: "npx", args: ["-y", "x"], env: { TOKEN: "${T}" } }, web: { url: "https://example.com/mcp", headers: { Authorization: "Bearer ${T}" } }, off: false })).toEqual([]);
  });

  it("names what is wrong and where", () => {
    expect(problems({ both: { command: "x", url: "https://x" } })).toEqual(["both: has both command and url; a server is either stdio (command) or HTTP (url)"]);
    expect(problems({ none: { args: [] } })).toEqual(["none: needs either command (a stdio server) or url (an HTTP server)"]);
    expect(problems({ web: { url: "https://x", env: {} } })).toEqual(["web.env: env applies to stdio servers (command) only"]);
    expect(problems({ "bad name": { command: "x" } })[0]).toMatch(/server names use letters, digits/);
    expect(problems({ a__b: { command: "x" } })[0]).toMatch(/single _/);
    expect(problems({ a: { command: "x", extra: 1 } })[0]).toMatch(/extra/);
  });
});
