import { describe, expect, it } from "vitest";
import { classifyWireError, delayInWords } from "./classify-wire-error.js";
import { defineGateway } from "./define-gateway.js";

const plain = defineGateway({ id: "acme", name: "Acme", baseURL: "https://api.acme.example/v1" });
const error = (status: number | undefined, body: string, headers?: Headers) => ({ status, body, headers });

describe("classifyWireError", () => {
  it("reads the generic OpenAI-compatible meanings", () => {
    expect(classifyWireError(plain, error(400, "This model's maximum context length is 8192 tokens"))).toEqual({ kind: "overflow", limit: 8192 });
    expect(classifyWireError(plain, error(413, ""))).toEqual({ kind: "overflow" });
    expect(classifyWireError(plain, error(429, "maximum context length is 10", new Headers({ "retry-after": "3" })))).toEqual({ kind: "rate-limit", retryAfterMs: 3000 });
    expect(classifyWireError(plain, error(429, "Rate limit reached. Please try again in 1m30.5s."))).toEqual({ kind: "rate-limit", retryAfterMs: 90_500 });
    expect(classifyWireError(plain, error(401, "bad key"))).toEqual({ kind: "auth" });
    expect(classifyWireError(plain, error(503, "overloaded"))).toEqual({ kind: "retryable" });
    expect(classifyWireError(plain, error(400, "invalid tool schema"))).toEqual({ kind: "bad-request" });
  });

  it("finds a rejected field only among the fields sent", () => {
    const sent = { body: { model: "m", messages: [], stream_options: {} }, headers: {} };
    expect(classifyWireError(plain, error(400, "Unrecognized request argument supplied: stream_options"), sent)).toEqual({ kind: "unsupported-field", fields: ["stream_options"] });
    expect(classifyWireError(plain, error(400, "Unrecognized request argument supplied: stream_options"))).toEqual({ kind: "bad-request" });
    expect(classifyWireError(plain, error(400, "The reasoning_content in the thinking mode must be passed back to the API"), sent)).toEqual({
      kind: "replay-required",
      field: "reasoning_content",
    });
  });

  it("applies a definition's own texts, bodiless statuses and code first", () => {
    const acme = defineGateway({
      id: "acme",
      name: "Acme",
      baseURL: "https://api.acme.example/v1",
      overflow: { patterns: [/too many tokens in prompt/i], bodilessStatuses: [400] },
      errors: { rateLimitPatterns: [/engine is overloaded/i], retryAfterPattern: /cool down (\d+)s/ },
      hooks: { classifyError: (wire) => (wire.body.includes("quota") ? { kind: "auth" } : undefined) },
    });
    expect(classifyWireError(acme, error(400, "too many tokens in prompt"))).toEqual({ kind: "overflow" });
    expect(classifyWireError(acme, error(400, "400 status code (no body)"))).toEqual({ kind: "overflow" });
    expect(classifyWireError(plain, error(400, "400 status code (no body)"))).toEqual({ kind: "bad-request" });
    expect(classifyWireError(acme, error(500, "the engine is overloaded, cool down 4s"))).toEqual({ kind: "rate-limit", retryAfterMs: 4000 });
    expect(classifyWireError(acme, error(429, "quota exhausted"))).toEqual({ kind: "auth" });
  });
});

describe("delayInWords", () => {
  it.each([
    ["Please try again in 2.5s", 2500],
    ["try again in 250ms", 250],
    ["Retry after 3 seconds", 3000],
    ["wait for 2 minutes", 120_000],
    ["no delay here", undefined],
  ])("%s", (text, expected) => {
    expect(delayInWords(text)).toBe(expected);
  });
});
