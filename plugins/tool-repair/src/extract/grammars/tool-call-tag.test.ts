import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";
import { extractToolCalls } from "../extract-tool-calls.js";

describe("<tool_call> dispatch between Hermes, Qwen3-Coder and GLM", () => {
  it("picks the grammar from what follows the tag, even within one message", () => {
    const text =
      '<tool_call>\n<function=a>\n<parameter=x>1</parameter>\n</function>\n</tool_call>\n' +
      "<tool_call>b\n<arg_key>y</arg_key>\n<arg_value>2</arg_value>\n</tool_call>\n" +
      '<tool_call>{"name": "c", "arguments": {"z": 3}}</tool_call>';
    expect(expectStreamingAgrees(text).calls).toEqual([
      { name: "a", arguments: { x: "1" } },
      { name: "b", arguments: { y: 2 } },
      { name: "c", arguments: { z: 3 } },
    ]);
  });

  it("honours a narrowed grammar list", () => {
    const glm = "<tool_call>b<arg_key>y</arg_key><arg_value>2</arg_value></tool_call>";
    expect(extractToolCalls(glm, undefined, { grammars: ["hermes"] })).toEqual({ calls: [], content: glm });
    expect(extractToolCalls(glm, undefined, { grammars: ["glm45"] }).calls).toEqual([{ name: "b", arguments: { y: 2 } }]);
  });

  it("treats a tag followed by nothing as text", () => {
    expect(expectStreamingAgrees("<tool_call>\n")).toEqual({ calls: [], content: "<tool_call>\n" });
  });
});
