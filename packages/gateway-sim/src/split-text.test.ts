import { expect, test } from "vitest";
import { splitText } from "./split-text.js";

test("splits by code points and never inside a surrogate pair", () => {
  expect(splitText("abcdefg", 3)).toEqual(["abc", "def", "g"]);
  expect(splitText("", 3)).toEqual([]);
  const emoji = "a🚀b🚀c";
  const pieces = splitText(emoji, 2);
  expect(pieces).toEqual(["a🚀", "b🚀", "c"]);
  expect(pieces.join("")).toBe(emoji);
  expect(splitText("🚀🚀🚀", 1)).toEqual(["🚀", "🚀", "🚀"]);
});
