import { describe, expect, it } from "vitest";
import { BUILTIN_TOOL_NAMES, createBuiltinTools } from "./create-builtin-tools.js";

type Schema = { type?: string; description?: string; properties?: Record<string, Schema>; items?: Schema };

function undescribed(schema: Schema, at: string): string[] {
  const missing: string[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (!property.description) missing.push(`${at}.${key}`);
    missing.push(...undescribed(property, `${at}.${key}`));
    if (property.items) missing.push(...undescribed(property.items, `${at}.${key}[]`));
  }
  return missing;
}

describe("createBuiltinTools", () => {
  it("returns the tools in a fixed order", () => {
    expect(createBuiltinTools().map((tool) => tool.name)).toEqual([...BUILTIN_TOOL_NAMES]);
  });

  it("serializes byte-identically across calls and options", () => {
    const serialize = (tools: ReturnType<typeof createBuiltinTools>) =>
      JSON.stringify(tools.map((tool) => ({ name: tool.name, description: tool.description, parameters: tool.jsonSchema })));
    expect(serialize(createBuiltinTools())).toBe(serialize(createBuiltinTools({ deny: ["read(.env)"], bash: { maxOutputChars: 10 } })));
  });

  it("describes every parameter and offers a clean object schema", () => {
    for (const tool of createBuiltinTools()) {
      const schema = tool.jsonSchema as Schema & Record<string, unknown>;
      expect(schema.type, tool.name).toBe("object");
      expect(schema["$schema"], tool.name).toBeUndefined();
      expect(JSON.stringify(schema), tool.name).not.toContain("9007199254740991");
      expect(undescribed(schema, tool.name)).toEqual([]);
      expect(tool.description.length, tool.name).toBeLessThan(400);
    }
  });

  it("uses the parameter names of the contract", () => {
    const properties = Object.fromEntries(
      createBuiltinTools().map((tool) => [tool.name, Object.keys((tool.jsonSchema as Schema).properties ?? {})]),
    );
    expect(properties).toEqual({
      read: ["path", "offset", "limit", "encoding"],
      write: ["path", "content", "encoding"],
      edit: ["path", "old_string", "new_string", "replace_all", "encoding"],
      bash: ["command", "timeout", "description"],
      grep: ["pattern", "path", "glob", "ignore_case", "output_mode", "context"],
      glob: ["pattern", "path"],
      ls: ["path"],
      todo: ["todos"],
    });
  });

  it("marks only the needed parameters as required", () => {
    const required = Object.fromEntries(
      createBuiltinTools().map((tool) => [tool.name, (tool.jsonSchema as { required?: string[] }).required ?? []]),
    );
    expect(required).toEqual({
      read: ["path"],
      write: ["path", "content"],
      edit: ["path", "old_string", "new_string"],
      bash: ["command"],
      grep: ["pattern"],
      glob: ["pattern"],
      ls: [],
      todo: ["todos"],
    });
  });
});
