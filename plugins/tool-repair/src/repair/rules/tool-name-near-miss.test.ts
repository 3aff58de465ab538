import { describe, expect, it } from "vitest";
import { editDistance, matchToolNameNearMiss } from "./tool-name-near-miss.js";

describe("editDistance", () => {
  it("counts insertions, deletions, substitutions and transpositions", () => {
    expect(editDistance("search", "serach", 3)).toBe(1);
    expect(editDistance("read", "reed", 3)).toBe(1);
    expect(editDistance("abc", "abcdef", 3)).toBe(3);
    expect(editDistance("abc", "xyzuvw", 2)).toBe(3);
  });
});

describe("matchToolNameNearMiss", () => {
  it("matches a one-letter typo of a longer name", () => {
    expect(matchToolNameNearMiss("web_serch", ["web_search", "web_fetch"])).toBe("web_search");
    expect(matchToolNameNearMiss("read_files", ["read_file", "write_file"])).toBe("read_file");
  });

  it("never matches short names or ties", () => {
    expect(matchToolNameNearMiss("head", ["read"])).toBeNull();
    expect(matchToolNameNearMiss("files_a", ["files_b", "files_c"])).toBeNull();
    expect(matchToolNameNearMiss("completely_else", ["web_search"])).toBeNull();
  });
});
