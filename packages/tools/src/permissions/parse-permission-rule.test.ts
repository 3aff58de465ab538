import { describe, expect, it } from "vitest";
import { PermissionRuleError, parsePermissionRule } from "./parse-permission-rule.js";

describe("parsePermissionRule", () => {
  it("parses tool and tool(pattern), case-insensitively", () => {
    expect(parsePermissionRule("bash(npm test*)")).toEqual({ source: "bash(npm test*)", tool: "bash", pattern: "npm test*" });
    expect(parsePermissionRule("Read(./.env)")).toEqual({ source: "Read(./.env)", tool: "read", pattern: "./.env" });
    expect(parsePermissionRule(" edit ")).toEqual({ source: " edit ", tool: "edit" });
    expect(parsePermissionRule("bash(echo (a))")).toMatchObject({ pattern: "echo (a)" });
  });

  it("names the rule in errors", () => {
    expect(() => parsePermissionRule("")).toThrow(PermissionRuleError);
    expect(() => parsePermissionRule("bash()")).toThrow('Permission rule "bash()" has an empty pattern');
    expect(() => parsePermissionRule("bash(npm")).toThrow('Permission rule "bash(npm" is not tool or tool(pattern)');
    expect(() => parsePermissionRule("two words")).toThrow(/"two words"/);
  });
});
