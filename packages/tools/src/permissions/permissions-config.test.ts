import { z } from "zod";
import { describe, expect, it } from "vitest";
import { permissionsConfigSchema } from "./permissions-config.js";

describe("permissionsConfigSchema", () => {
  it("fills every key with its default", () => {
    expect(permissionsConfigSchema.parse({})).toEqual({ mode: "ask", allow: [], deny: [], sandbox: "auto" });
  });

  it("reports a bad mode and a bad rule at their keys", () => {
    const result = permissionsConfigSchema.safeParse({ mode: "yolo", deny: ["bash(rm -rf*)", "read()"] });
    expect(result.success).toBe(false);
    const issues = result.error?.issues.map((issue) => ({ path: issue.path.join("."), message: issue.message }));
    expect(issues).toContainEqual(expect.objectContaining({ path: "mode" }));
    expect(issues).toContainEqual({ path: "deny.1", message: 'Permission rule "read()" has an empty pattern; drop the () to match every call.' });
  });

  it("describes every key in its JSON Schema", () => {
    const schema = z.toJSONSchema(permissionsConfigSchema, { io: "input" }) as { properties: Record<string, { description?: string; default?: unknown }> };
    for (const key of ["mode", "allow", "deny"]) {
      expect(schema.properties[key]?.description, key).toBeTruthy();
      expect(schema.properties[key]?.default, key).toBeDefined();
    }
  });
});
