import { describe, expect, it } from "vitest";
import { splitConcatenatedNames } from "./split-concatenated-names.js";

describe("splitConcatenatedNames", () => {
  it("splits glued offered names, repeats included", () => {
    expect(splitConcatenatedNames("web_fetchweb_searchweb_fetch", ["web_search", "web_fetch"])).toEqual(["web_fetch", "web_search", "web_fetch"]);
    expect(splitConcatenatedNames("readread", ["read"])).toEqual(["read", "read"]);
  });

  it("prefers the longer name where names share a start", () => {
    expect(splitConcatenatedNames("read_fileglob", ["read", "read_file", "glob"])).toEqual(["read_file", "glob"]);
  });

  it("returns null unless the whole name splits into two or more", () => {
    expect(splitConcatenatedNames("read", ["read"])).toBeNull();
    expect(splitConcatenatedNames("readx", ["read"])).toBeNull();
  });
});
