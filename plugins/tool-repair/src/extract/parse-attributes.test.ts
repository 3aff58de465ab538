import { describe, expect, it } from "vitest";
import { parseAttributes } from "./parse-attributes.js";

describe("parseAttributes", () => {
  it("reads double-, single- and unquoted values", () => {
    expect(parseAttributes(` name="get weather" string='true' k=v`)).toEqual({ name: "get weather", string: "true", k: "v" });
  });
});
