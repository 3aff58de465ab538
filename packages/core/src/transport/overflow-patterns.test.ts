import { describe, expect, it } from "vitest";
import { isOverflowError } from "./overflow-patterns.js";
import { retryAfterMilliseconds } from "./retry-after.js";

describe("isOverflowError", () => {
  it.each([
    [400, "This endpoint's maximum context length is 131072 tokens. However, you requested about 140000 tokens"],
    [400, "The input (250000 tokens) is longer than the model's context length (200000 tokens)."],
    [400, "The prompt is too long: 264613, model maximum context length: 262141"],
    [400, "request (4476 tokens) exceeds the available context size (4096 tokens)"],
    [400, "Your request exceeded model token limit : 262144"],
    [400, "<400> InternalError.Algo.InvalidParameter: Range of input length should be [1, 204800]"],
    [400, "invalid params, context window exceeds limit"],
    [400, "prompt too long; exceeded max context length by 4021 tokens"],
    [400, "400 status code (no body)"],
    [413, "anything"],
  ])("recognises %s %s", (status, text) => {
    // A gateway's own wordings come from its definition; these stand in for several.
    const shape = {
      patterns: [/is longer than the model'?s context length/i, /prompt is too long/i, /exceeds the available context size/i, /exceeded model token limit/i, /range of input length/i, /context window exceeds limit/i, /exceeded max context length by/i],
      bodilessStatuses: [400, 413],
    };
    expect(isOverflowError(status, text, shape)).toBe(true);
  });

  it("knows only the OpenAI wordings and 413 without a gateway's own", () => {
    expect(isOverflowError(400, "This model's maximum context length is 8192 tokens.")).toBe(true);
    expect(isOverflowError(413, "")).toBe(true);
    expect(isOverflowError(400, "invalid params, context window exceeds limit")).toBe(false);
    expect(isOverflowError(400, "400 status code (no body)")).toBe(false);
  });

  it("never reads throttling as overflow", () => {
    expect(isOverflowError(429, "maximum context length is 10 tokens")).toBe(false);
    expect(isOverflowError(400, "ThrottlingException: too many requests, context length exceeded")).toBe(false);
    expect(isOverflowError(400, "invalid tool schema")).toBe(false);
  });
});

describe("retryAfterMilliseconds", () => {
  it("prefers retry-after-ms, then seconds, then an HTTP date", () => {
    expect(retryAfterMilliseconds(new Headers({ "retry-after-ms": "1500", "retry-after": "9" }))).toBe(1500);
    expect(retryAfterMilliseconds(new Headers({ "retry-after": "2" }))).toBe(2000);
    const now = Date.parse("2026-01-01T00:00:00Z");
    expect(retryAfterMilliseconds(new Headers({ "retry-after": "Thu, 01 Jan 2026 00:00:05 GMT" }), now)).toBe(5000);
    expect(retryAfterMilliseconds(new Headers({ "retry-after": "soon" }))).toBeUndefined();
    expect(retryAfterMilliseconds(undefined)).toBeUndefined();
  });
});
