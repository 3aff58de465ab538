import { describe, expect, it } from "vitest";
import { stripKeyDebris, stripValueDebris } from "./strip-grammar-debris.js";

describe("stripValueDebris", () => {
  it("removes closing markup of every grammar from the end of a value", () => {
    expect(stripValueDebris("[1, 2]</parameter>\n</invoke>")).toBe("[1, 2]");
    expect(stripValueDebris("Berlin\n</arg_value>")).toBe("Berlin");
    expect(stripValueDebris("x</｜DSML｜parameter>")).toBe("x");
    expect(stripValueDebris("done<|tool_call_end|>")).toBe("done");
  });

  it("keeps markup that is content: opened in the same value, or not a tool grammar", () => {
    expect(stripValueDebris("<parameter=x>y</parameter>")).toBeNull();
    expect(stripValueDebris("<div>x</div>")).toBeNull();
    expect(stripValueDebris("<|tool_call_begin|>x<|tool_call_end|>")).toBeNull();
    expect(stripValueDebris("plain")).toBeNull();
  });
});

describe("stripKeyDebris", () => {
  it("cleans tags and punctuation glued to a key", () => {
    expect(stripKeyDebris("offset</longcat_arg_key>")).toBe("offset");
    expect(stripKeyDebris("description=")).toBe("description");
    expect(stripKeyDebris("<arg_key>path")).toBe("path");
  });

  it("returns null for a clean key", () => {
    expect(stripKeyDebris("path")).toBeNull();
  });
});
