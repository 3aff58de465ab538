import { describe, expect, it } from "vitest";
import { GatewayHttpError } from "./gateway-http-error.js";

describe("GatewayHttpError.fromBody", () => {
  it("reads an OpenAI-shaped body's error object, keeps the body as sent and the request id", () => {
    const body = '{"error":{"message":"Unrecognized request argument supplied: temperature","code":"invalid_argument"}}';
    const error = GatewayHttpError.fromBody(400, { "x-request-id": "req-9", "x-served-by": ["edge-1", "edge-2"] }, body);
    expect(error).toMatchObject({ status: 400, body, requestID: "req-9", error: { code: "invalid_argument" } });
    expect(error.message).toBe("400 Unrecognized request argument supplied: temperature");
    expect(error.headers?.get("x-served-by")).toBe("edge-1, edge-2");
  });

  it("says what there is for flat, non-JSON and empty bodies", () => {
    expect(GatewayHttpError.fromBody(400, {}, '{"message":"flat"}')).toMatchObject({ error: undefined, message: "400 status code (no body)", body: '{"message":"flat"}' });
    expect(GatewayHttpError.fromBody(502, {}, "<html>Bad gateway</html>").message).toBe("502 <html>Bad gateway</html>");
    expect(GatewayHttpError.fromBody(503, {}, "").message).toBe("503 status code (no body)");
  });
});
