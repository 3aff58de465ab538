import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";
import { extractToolCalls } from "../extract-tool-calls.js";
import type { OfferedTool } from "../types.js";

describe("glm45 grammar (held-out cases)", () => {
  it("reads GLM-4.5 layout with JSON-looking values typed and strings kept with their whitespace", () => {
    const text =
      "<tool_call>schedule_job\n<arg_key>name</arg_key>\n<arg_value> nightly build </arg_value>\n<arg_key>retries</arg_key>\n<arg_value>3</arg_value>\n" +
      "<arg_key>cron</arg_key>\n<arg_value>0 2 * * *</arg_value>\n<arg_key>targets</arg_key>\n<arg_value>[\"linux\", \"mac\"]</arg_value>\n</tool_call>";
    expect(expectStreamingAgrees(text).calls).toEqual([
      { name: "schedule_job", arguments: { name: " nightly build ", retries: 3, cron: "0 2 * * *", targets: ["linux", "mac"] } },
    ]);
  });

  it("lets a declared string type win over a JSON-looking value", () => {
    const tools: OfferedTool[] = [{ name: "tag", parameters: { type: "object", properties: { version: { type: "string" }, count: { type: "integer" } } } }];
    const text = "<tool_call>tag<arg_key>version</arg_key><arg_value>42</arg_value><arg_key>count</arg_key><arg_value>7</arg_value></tool_call>";
    expect(expectStreamingAgrees(text, tools).calls).toEqual([{ name: "tag", arguments: { version: "42", count: 7 } }]);
  });

  it("keeps code with angle brackets and unicode inside values", () => {
    const text = '<tool_call>write<arg_key>code</arg_key><arg_value>if a < b:\n    print("<ok> ✓")</arg_value></tool_call>';
    expect(expectStreamingAgrees(text).calls).toEqual([{ name: "write", arguments: { code: 'if a < b:\n    print("<ok> ✓")' } }]);
  });

  it("reads GLM-4.7 one-line calls back to back, keeping the thinking text before them", () => {
    const text = "<think>Two lookups.</think>\n<tool_call>lookup<arg_key>q</arg_key><arg_value>北京</arg_value></tool_call><tool_call>now</tool_call>";
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [
        { name: "lookup", arguments: { q: "北京" } },
        { name: "now", arguments: {} },
      ],
      content: "<think>Two lookups.</think>\n",
    });
  });

  it("keeps calls to tools that were not offered unless asked to drop them", () => {
    const tools: OfferedTool[] = [{ name: "lookup" }];
    const text = "<tool_call>lookp<arg_key>q</arg_key><arg_value>x</arg_value></tool_call>";
    expect(extractToolCalls(text, tools).calls).toEqual([{ name: "lookp", arguments: { q: "x" } }]);
    expect(extractToolCalls(text, tools, { dropUnknownTools: true })).toEqual({ calls: [], content: "" });
  });

  it("leaves prose that mentions the tag, and an unclosed call, alone", () => {
    const prose = "GLM wraps calls in <tool_call> tags and ends them properly.";
    expect(expectStreamingAgrees(prose)).toEqual({ calls: [], content: prose });
    const unclosed = "<tool_call>lookup<arg_key>q</arg_key><arg_value>x</arg_value>";
    expect(expectStreamingAgrees(unclosed)).toEqual({ calls: [], content: unclosed });
  });
});
