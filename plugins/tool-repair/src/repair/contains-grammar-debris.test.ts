import { describe, expect, it } from "vitest";
import { containsGrammarDebris, hasKeyDebris } from "./contains-grammar-debris.js";

describe("containsGrammarDebris", () => {
  it("finds trailing closers and merged parameters at any depth", () => {
    expect(containsGrammarDebris({ a: ["x</parameter>"] })).toBe(true);
    expect(containsGrammarDebris({ a: { b: "1</arg_value><arg_key>c</arg_key><arg_value>2" } })).toBe(true);
  });

  it("ignores markup that is content", () => {
    expect(containsGrammarDebris({ a: "<parameter=x>1</parameter>", b: "</div>", c: 3 })).toBe(false);
  });
});

describe("hasKeyDebris", () => {
  it("flags undeclared keys carrying markup or a trailing =", () => {
    expect(hasKeyDebris({ "path</arg_key>": 1 }, new Map())).toBe(true);
    expect(hasKeyDebris({ "description=": 1 }, new Map())).toBe(true);
    expect(hasKeyDebris({ "a=": 1 }, new Map([["a=", 1]]))).toBe(false);
  });
});
