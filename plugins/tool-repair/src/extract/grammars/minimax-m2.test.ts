import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";
import { extractToolCalls } from "../extract-tool-calls.js";
import type { OfferedTool } from "../types.js";

describe("minimax-m2 grammar (held-out cases)", () => {
  const tools: OfferedTool[] = [
    {
      name: "create_issue",
      parameters: {
        type: "object",
        properties: {
          title: { type: "string" },
          priority: { type: "integer" },
          draft: { type: "boolean" },
          labels: { type: "array", items: { type: "string" } },
          meta: { type: "object" },
        },
      },
    },
  ];
  const text =
    "Filing it now.\n<minimax:tool_call>\n<invoke name=\"create_issue\">\n<parameter name=\"title\">Crash on 日本語 input <br></parameter>\n" +
    "<parameter name=\"priority\">2</parameter>\n<parameter name=\"draft\">false</parameter>\n<parameter name=\"labels\">[\"bug\", \"i18n\"]</parameter>\n" +
    "<parameter name=\"meta\">{\"os\": {\"name\": \"linux\"}}</parameter>\n</invoke>\n</minimax:tool_call>\nDone.";

  it("types values by schema, keeps text before and after the block", () => {
    expect(expectStreamingAgrees(text, tools)).toEqual({
      calls: [
        {
          name: "create_issue",
          arguments: { title: "Crash on 日本語 input <br>", priority: 2, draft: false, labels: ["bug", "i18n"], meta: { os: { name: "linux" } } },
        },
      ],
      content: "Filing it now.\nDone.",
    });
  });

  it("keeps values as strings without a schema", () => {
    expect(extractToolCalls(text).calls[0]?.arguments).toEqual({
      title: "Crash on 日本語 input <br>",
      priority: "2",
      draft: "false",
      labels: '["bug", "i18n"]',
      meta: '{"os": {"name": "linux"}}',
    });
  });

  it("accepts single-quoted and unquoted attribute values", () => {
    const quoted = "<minimax:tool_call><invoke name='a'><parameter name=k>v</parameter></invoke><invoke name=b></invoke></minimax:tool_call>";
    expect(expectStreamingAgrees(quoted).calls).toEqual([
      { name: "a", arguments: { k: "v" } },
      { name: "b", arguments: {} },
    ]);
  });

  it("leaves an unclosed block and a fenced example alone", () => {
    const unclosed = '<minimax:tool_call><invoke name="a"><parameter name="k">v</parameter></invoke>';
    expect(expectStreamingAgrees(unclosed)).toEqual({ calls: [], content: unclosed });
    const fenced = '~~~\n<minimax:tool_call><invoke name="a"></invoke></minimax:tool_call>\n~~~\n';
    expect(expectStreamingAgrees(fenced)).toEqual({ calls: [], content: fenced });
  });

  it("drops unknown tools only when asked", () => {
    const block = '<minimax:tool_call><invoke name="nope"></invoke></minimax:tool_call>';
    expect(extractToolCalls(block, tools).calls).toEqual([{ name: "nope", arguments: {} }]);
    expect(extractToolCalls(block, tools, { dropUnknownTools: true }).calls).toEqual([]);
  });
});
