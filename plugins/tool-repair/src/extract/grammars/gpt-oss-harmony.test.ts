import { describe, expect, it } from "vitest";
import { expectStreamingAgrees } from "../../../test/expect-streaming-agrees.js";

describe("gpt-oss-harmony grammar (held-out cases)", () => {
  it("reads the mixed transcript of the vLLM multi-tool test (gpt-oss-harmony-9 rebuilt as text)", () => {
    const text =
      '<|channel|>analysis<|message|>User asks: "What is the weather in Tokyo?" based on their location.<|end|>' +
      '<|start|>assistant<|channel|>commentary to=functions.get_current_weather <|constrain|>json<|message|>{"location": "Tokyo"}<|call|>' +
      '<|start|>assistant<|channel|>commentary to=functions.get_user_location <|constrain|>json<|message|>{"location": "Tokyo"}<|call|>' +
      '<|start|>assistant<|channel|>commentary to=functions.no_content_type<|message|>{"location": "Tokyo"}<|call|>' +
      "<|start|>assistant<|channel|>commentary to=functions.not_json_no_content_type<|message|>foo<|call|>" +
      "<|start|>assistant<|channel|>commentary to=functions.empty_args <|constrain|>json<|message|>{}<|call|>" +
      "<|start|>assistant<|channel|>commentary to=functions.no_args <|constrain|>json<|message|><|call|>";
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [
        { name: "get_current_weather", arguments: { location: "Tokyo" } },
        { name: "get_user_location", arguments: { location: "Tokyo" } },
        { name: "no_content_type", arguments: { location: "Tokyo" } },
        { name: "empty_args", arguments: {} },
      ],
      content: "",
      reasoning: 'User asks: "What is the weather in Tokyo?" based on their location.',
    });
  });

  it("reads a recipient in the role header and keeps a preamble as content", () => {
    const text =
      "<|channel|>commentary<|message|>Checking the calendar first.<|end|>" +
      '<|start|>assistant to=functions.calendar.list<|channel|>commentary json<|message|>{"day": "mañana"}<|call|>';
    expect(expectStreamingAgrees(text)).toEqual({
      calls: [{ name: "calendar.list", arguments: { day: "mañana" } }],
      content: "Checking the calendar first.",
    });
  });

  it("reads a call whose <|call|> stop token was cut off, with markup-like text in the body", () => {
    const text = 'On it. <|channel|>commentary to=functions.render <|constrain|>json<|message|>{"html": "<|end|> is not <b>here</b>"}';
    // The body runs to the first terminator token, so this body is cut at `<|end|>` and is not JSON.
    expect(expectStreamingAgrees(text)).toEqual({ calls: [], content: text });
    const clean = 'On it. <|channel|>commentary to=functions.render <|constrain|>json<|message|>{"html": "<b>here</b>"}';
    expect(expectStreamingAgrees(clean)).toEqual({ calls: [{ name: "render", arguments: { html: "<b>here</b>" } }], content: "On it. " });
  });

  it("leaves look-alikes untouched", () => {
    for (const text of [
      "ordinary commentary to=functions.get_weather",
      '{"city":"Paris"}',
      "<|channel|>final<|message|>The weather is sunny.<|return|>",
      "<|channel|>analysis<|message|>Think about weather.<|end|>",
      "<|channel|>commentary to=functions.f<|message|>not json<|call|>",
      '<|channel|>commentary<|message|>{"a": 1}<|call|>',
      "<|channel|>commentary to=functions.f<|message|>[1, 2]<|call|>",
      "Send it to=me please",
    ]) {
      expect(expectStreamingAgrees(text), text).toEqual({ calls: [], content: text });
    }
  });
});
