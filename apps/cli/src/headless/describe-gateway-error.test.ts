import { describe, expect, it } from "vitest";
import { describeGatewayError, feedMessage } from "./describe-gateway-error.js";

describe("describeGatewayError", () => {
  it("drops the raw body the message already says, and names the key variable for a refused key", () => {
    const error = { message: 'groq answered 401: Invalid API Key {"message":"Invalid API Key","type":"invalid_request_error"}', gateway: "groq", status: 401, requestId: "req_1" };
    expect(describeGatewayError(error, (gateway) => (gateway === "groq" ? "GROQ_API_KEY" : undefined))).toEqual({
      message: "groq answered 401: Invalid API Key",
      details: "request req_1 · the key was refused: check GROQ_API_KEY",
    });
  });

  it("gives the gateway, status and request id on the details line when the message does not say them", () => {
    const error = { message: "the connection closed before the answer ended", gateway: "fireworks", status: 502, requestId: "req_9" };
    expect(describeGatewayError(error)).toEqual({ message: error.message, details: "fireworks · HTTP 502 · request req_9" });
    // A number in the message is not the status unless it is stated as one.
    expect(describeGatewayError({ message: "groq: prompt of 400 tokens refused", gateway: "groq", status: 400 }).details).toBe("HTTP 400");
  });

  it("keeps a message without a body whole, and names no key for other statuses", () => {
    expect(describeGatewayError({ message: "fireworks answered 500: overloaded", gateway: "fireworks", status: 500 }, () => "FIREWORKS_API_KEY")).toEqual({
      message: "fireworks answered 500: overloaded",
      details: undefined,
    });
    expect(describeGatewayError({ message: "the session log could not be written" })).toEqual({ message: "the session log could not be written", details: undefined });
  });

  it("drops a body quoted mid-message, where advice follows it, and says the variable once", () => {
    const error = {
      message: 'groq answered 401: Invalid API Key {"message":"Invalid {brace} \\"quoted\\"","code":"invalid_api_key"} (no request id sent); check GROQ_API_KEY; not retried',
      gateway: "groq",
      status: 401,
    };
    expect(describeGatewayError(error, () => "GROQ_API_KEY")).toEqual({
      message: "groq answered 401: Invalid API Key (no request id sent); check GROQ_API_KEY; not retried",
      details: undefined,
    });
  });

  it("keeps a message that is only a body, and braces that are not JSON", () => {
    expect(describeGatewayError({ message: '{"error":"boom"}' }).message).toBe('{"error":"boom"}');
    expect(describeGatewayError({ message: "template {name} is missing" }).message).toBe("template {name} is missing");
  });

  it("drops the raw body from a retry notice, and leaves other notices whole", () => {
    const retry = { type: "request.retry", message: 'groq answered 503: Service overloaded {"message":"Service overloaded","type":"server_error"}; retrying in 124 ms (attempt 2 of 3)' };
    expect(feedMessage(retry)).toBe("groq answered 503: Service overloaded; retrying in 124 ms (attempt 2 of 3)");
    const repair = { type: "tool.repair", message: 'repaired the arguments of read: {"path":"a.ts"}' };
    expect(feedMessage(repair)).toBe(repair.message);
  });
});
