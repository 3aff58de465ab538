import { describe, expect, it } from "vitest";
import { repairJsonSyntax } from "./repair-json.js";

describe("repairJsonSyntax", () => {
  it("repairs single quotes, Python literals, trailing commas and bare words", () => {
    expect(repairJsonSyntax("{'a': True, 'b': None, 'c': [1, 2,],}")).toEqual({ ok: true, value: { a: true, b: null, c: [1, 2] } });
    expect(repairJsonSyntax('{"p": *.tsx}')).toEqual({ ok: true, value: { p: "*.tsx" } });
  });

  it("reports what it cannot repair without throwing", () => {
    const result = repairJsonSyntax("{invalid json}");
    expect(result.ok).toBe(false);
    expect(result.ok ? "" : result.message).toMatch(/position/);
  });
});
