import { describe, expect, it } from "vitest";
import { NO_CAPABILITIES, negotiate } from "./negotiate.js";

const sent = {
  body: { model: "m", messages: [{ role: "user" }, { role: "assistant" }], stream_options: { include_usage: true }, max_completion_tokens: 10, tool_choice: "auto" },
  headers: {},
};

describe("negotiate", () => {
  it("drops a rejected field once and never again in the same request", () => {
    const tried = new Set<string>();
    const first = negotiate({ kind: "unsupported-field", fields: ["stream_options"] }, sent, NO_CAPABILITIES, tried);
    expect(first).toMatchObject({ capabilities: { dropped: ["stream_options"], renamed: {} }, fields: ["stream_options"] });
    for (const field of first!.fields) tried.add(field);
    expect(negotiate({ kind: "unsupported-field", fields: ["stream_options"] }, sent, first!.capabilities, tried)).toBeUndefined();
  });

  it("renames the output limit to its other name, and never back within the request", () => {
    const tried = new Set<string>();
    const renamed = negotiate({ kind: "unsupported-field", fields: ["max_completion_tokens"] }, sent, NO_CAPABILITIES, tried)!;
    expect(renamed.capabilities.renamed).toEqual({ max_completion_tokens: "max_tokens" });
    for (const field of renamed.fields) tried.add(field);
    const after = { body: { ...sent.body, max_tokens: 10 }, headers: {} };
    expect(negotiate({ kind: "unsupported-field", fields: ["max_tokens"] }, after, renamed.capabilities, tried)).toBeUndefined();
  });

  it("turns replay on once, and only when there are assistant turns to carry it", () => {
    const on = negotiate({ kind: "replay-required", field: "reasoning_content" }, sent, NO_CAPABILITIES, new Set())!;
    expect(on.capabilities.replay).toEqual({ field: "reasoning_content" });
    expect(negotiate({ kind: "replay-required" }, sent, on.capabilities, new Set())).toBeUndefined();
    expect(negotiate({ kind: "replay-required" }, { body: { messages: [{ role: "user" }] }, headers: {} }, NO_CAPABILITIES, new Set())).toBeUndefined();
  });

  it("leaves every other error alone", () => {
    for (const kind of ["overflow", "auth", "bad-request", "retryable"] as const) {
      expect(negotiate({ kind }, sent, NO_CAPABILITIES, new Set())).toBeUndefined();
    }
    expect(negotiate({ kind: "unsupported-field", fields: ["logprobs"] }, sent, NO_CAPABILITIES, new Set())).toBeUndefined();
  });
});
