import { describe, expect, it } from "vitest";
import { decodeDoubleEncoded, unescapeBareEncodedJson } from "./decode-double-encoded.js";

describe("decodeDoubleEncoded", () => {
  it("returns the JSON inside a parsed string", () => {
    expect(decodeDoubleEncoded('  {"a": 1} ')).toBe('{"a": 1}');
    expect(decodeDoubleEncoded("[1]")).toBe("[1]");
    expect(decodeDoubleEncoded('"{}"')).toBe('"{}"');
  });

  it("returns null for anything else", () => {
    expect(decodeDoubleEncoded("ls -la")).toBeNull();
    expect(decodeDoubleEncoded(5)).toBeNull();
  });
});

describe("unescapeBareEncodedJson", () => {
  it("unescapes encoded JSON that lost its outer quotes", () => {
    expect(unescapeBareEncodedJson(String.raw`{\"a\": \"b\"}`)).toBe('{"a": "b"}');
  });

  it("returns null for ordinary JSON", () => {
    expect(unescapeBareEncodedJson('{"a": 1}')).toBeNull();
  });
});
