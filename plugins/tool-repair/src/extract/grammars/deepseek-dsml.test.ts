import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";
import { extractToolCalls } from "../extract-tool-calls.js";
import type { OfferedTool } from "../types.js";

describe("deepseek DSML grammar, V3.2 / V4 (held-out cases)", () => {
  it("types DSML values by string flag and schema, and reads the V4 wrapper", () => {
    const tools: OfferedTool[] = [
      { name: "resize", parameters: { type: "object", properties: { width: { type: "integer" }, keep: { type: "boolean" }, label: { type: "string" } } } },
    ];
    const text =
      '<｜DSML｜tool_calls>\n<｜DSML｜invoke name="resize">\n<｜DSML｜parameter name="width" string="true">640</｜DSML｜parameter>\n' +
      '<｜DSML｜parameter name="keep" string="false">true</｜DSML｜parameter>\n<｜DSML｜parameter name="label" string="true">画像 <b>1</b></｜DSML｜parameter>\n' +
      "</｜DSML｜invoke>\n</｜DSML｜tool_calls>";
    expect(expectStreamingAgrees(text, tools).calls).toEqual([{ name: "resize", arguments: { width: 640, keep: true, label: "画像 <b>1</b>" } }]);
    expect(extractToolCalls(text).calls[0]?.arguments).toEqual({ width: "640", keep: true, label: "画像 <b>1</b>" });
  });

  it("reads JSON values and several invokes, and unwraps only an undeclared wrapper", () => {
    const text =
      '<｜DSML｜function_calls>\n<｜DSML｜invoke name="plan">\n<｜DSML｜parameter name="steps" string="false">[{"n": 1}, {"n": 2}]</｜DSML｜parameter>\n</｜DSML｜invoke>\n' +
      '<｜DSML｜invoke name="run">\n<｜DSML｜parameter name="input" string="false">{"cmd": "ls"}</｜DSML｜parameter>\n</｜DSML｜invoke>\n</｜DSML｜function_calls>';
    expect(expectStreamingAgrees(text).calls).toEqual([
      { name: "plan", arguments: { steps: [{ n: 1 }, { n: 2 }] } },
      { name: "run", arguments: { cmd: "ls" } },
    ]);
    const declared: OfferedTool[] = [{ name: "run", parameters: { type: "object", properties: { input: { type: "object" } } } }];
    expect(extractToolCalls(text, declared).calls[1]).toEqual({ name: "run", arguments: { input: { cmd: "ls" } } });
  });

  it("leaves an unclosed invoke alone", () => {
    const unclosed = '<｜DSML｜function_calls>\n<｜DSML｜invoke name="run">\n<｜DSML｜parameter name="cmd" string="true">ls';
    expect(expectStreamingAgrees(unclosed)).toEqual({ calls: [], content: unclosed });
  });

  it("reads invokes whose section wrapper is missing", () => {
    const text = 'Running.\n<｜DSML｜invoke name="run">\n<｜DSML｜parameter name="cmd" string="true">ls -la</｜DSML｜parameter>\n</｜DSML｜invoke>\n</｜DSML｜function_calls>';
    expect(expectStreamingAgrees(text)).toEqual({ calls: [{ name: "run", arguments: { cmd: "ls -la" } }], content: "Running.\n" });
  });
});
