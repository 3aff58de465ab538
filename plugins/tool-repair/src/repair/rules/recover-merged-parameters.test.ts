import { describe, expect, it } from "vitest";
import { splitMergedParameters } from "./recover-merged-parameters.js";

describe("splitMergedParameters", () => {
  it("splits GLM, Qwen3-Coder and invoke-style boundaries", () => {
    expect(splitMergedParameters("a.txt</arg_value>\n<arg_key>dest</arg_key>\n<arg_value>b.txt</arg_value>")).toEqual({ head: "a.txt", rest: [["dest", "b.txt"]] });
    expect(splitMergedParameters("Berlin\n</parameter>\n<parameter=unit>\ncelsius\n</parameter>\n</function>")).toEqual({ head: "Berlin", rest: [["unit", "celsius"]] });
    expect(splitMergedParameters('x</parameter><parameter name="y">1</parameter><parameter name="z">2')).toEqual({ head: "x", rest: [["y", "1"], ["z", "2"]] });
  });

  it("returns null for content whose markup is opened in the value", () => {
    expect(splitMergedParameters("<parameter=a>1</parameter>\n<parameter=b>2</parameter>")).toBeNull();
    expect(splitMergedParameters("no markup")).toBeNull();
  });
});
