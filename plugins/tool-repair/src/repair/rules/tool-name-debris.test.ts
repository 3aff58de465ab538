import { describe, expect, it } from "vitest";
import { stripToolNameDebris } from "./tool-name-debris.js";

describe("stripToolNameDebris", () => {
  it("cuts GLM markup glued to a name and keeps the arguments it carried", () => {
    expect(stripToolNameDebris("task<arg_key>description</arg_key><arg_value>Explore</arg_value>")).toEqual({ name: "task", arguments: { description: "Explore" } });
  });

  it("reads the name out of markup that starts the name", () => {
    expect(stripToolNameDebris("<function=read_file>")?.name).toBe("read_file");
    expect(stripToolNameDebris('<invoke name="get_weather">')?.name).toBe("get_weather");
    expect(stripToolNameDebris("commentary to=functions.read_file <|constrain|>json")?.name).toBe("read_file");
  });

  it("drops a Kimi call index, quotes, backticks and call parentheses", () => {
    expect(stripToolNameDebris("functions.read:3")?.name).toBe("functions.read");
    expect(stripToolNameDebris("`grep`")?.name).toBe("grep");
    expect(stripToolNameDebris("bash()")?.name).toBe("bash");
  });

  it("returns null for a clean name and for junk", () => {
    expect(stripToolNameDebris("read_file")).toBeNull();
    expect(stripToolNameDebris('": 0.028655, "')).toBeNull();
    expect(stripToolNameDebris("<arg_key>x</arg_key>")).toBeNull();
  });
});
