import { describe, expect, it } from "vitest";
import { renderSchemaShape } from "./render-schema-shape.js";
import { compileSchema } from "./schema/compile-schema.js";

describe("renderSchemaShape", () => {
  it("renders a TypeScript-like shape with optional markers, enums and arrays", () => {
    const schema = compileSchema({
      type: "object",
      properties: { path: { type: "string" }, limit: { type: "integer" }, mode: { enum: ["a", "b"] }, tags: { type: "array", items: { type: "string" } }, pid: { type: ["integer", "null"] } },
      required: ["path"],
    });
    expect(renderSchemaShape(schema)).toBe('{ path: string, limit?: integer, mode?: "a" | "b", tags?: string[], pid?: integer | null }');
  });

  it("stops at recursion and long shapes", () => {
    const tree = compileSchema({ $defs: { n: { type: "object", properties: { c: { $ref: "#/$defs/n" } } } }, $ref: "#/$defs/n" });
    expect(renderSchemaShape(tree)).toBe("{ c?: {...} }");
    const wide = compileSchema({ type: "object", properties: Object.fromEntries(Array.from({ length: 40 }, (_, index) => [`property_number_${index}`, { type: "string" }])) });
    expect(renderSchemaShape(wide).length).toBeLessThanOrEqual(400);
  });
});
