import { describe, expect, it } from "vitest";
import { cleanXmlValue } from "./clean-xml-value.js";

describe("cleanXmlValue", () => {
  it("removes the tag-line newlines around a value", () => {
    expect(cleanXmlValue("\nDallas\n")).toBe("Dallas");
    expect(cleanXmlValue("inline")).toBe("inline");
    expect(cleanXmlValue("\n{\"a\": 1,\n \"b\": 2}\n")).toBe('{"a": 1,\n "b": 2}');
  });

  it("removes block indentation shared with the closing tag", () => {
    expect(cleanXmlValue("\n        Dallas\n        ")).toBe("Dallas");
    expect(cleanXmlValue("\n    line one\n      line two\n    ")).toBe("line one\n  line two");
  });

  it("keeps indentation that belongs to the value", () => {
    expect(cleanXmlValue("\n    def f():\n        pass\n")).toBe("    def f():\n        pass");
  });
});
