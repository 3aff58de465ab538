import { describe, expect, it } from "vitest";
import { CrossOriginRedirectError } from "./cross-origin-redirect-error.js";
import { MAX_REDIRECTS, redirectTarget } from "./redirect-target.js";

const origin = "https://api.example.com";
const from = `${origin}/v1/chat/completions`;

describe("redirectTarget", () => {
  it("follows a redirect on the origin: 307/308 as they were, the others as a GET", () => {
    expect(redirectTarget(origin, from, 308, "/v2/chat/completions", 0)).toEqual({ url: `${origin}/v2/chat/completions`, asGet: false });
    expect(redirectTarget(origin, from, 302, `${origin}/elsewhere`, 0)).toEqual({ url: `${origin}/elsewhere`, asGet: true });
  });

  it("is no redirect without a location or outside 3xx", () => {
    expect(redirectTarget(origin, from, 301, null, 0)).toBeUndefined();
    expect(redirectTarget(origin, from, 200, "/x", 0)).toBeUndefined();
  });

  it("refuses another origin, a port or scheme change included, and too many hops", () => {
    expect(() => redirectTarget(origin, from, 307, "https://evil.example/v1", 0)).toThrow(CrossOriginRedirectError);
    expect(() => redirectTarget(origin, from, 307, "http://api.example.com/v1", 0)).toThrow(CrossOriginRedirectError);
    expect(() => redirectTarget(origin, from, 307, "https://api.example.com:8443/v1", 0)).toThrow(CrossOriginRedirectError);
    expect(() => redirectTarget(origin, from, 307, "/again", MAX_REDIRECTS - 1)).toThrow(/redirected more than 5 times/);
  });
});
