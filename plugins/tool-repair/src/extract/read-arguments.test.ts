import { describe, expect, it } from "vitest";
import { argumentsFromText, argumentsFromValue } from "./read-arguments.js";

describe("argumentsFromValue", () => {
  it("keeps objects, decodes a string holding an object once, and keeps the rest raw", () => {
    expect(argumentsFromValue({ a: 1 })).toEqual({ arguments: { a: 1 } });
    expect(argumentsFromValue('{"a": 1}')).toEqual({ arguments: { a: 1 } });
    expect(argumentsFromValue(undefined)).toEqual({ arguments: {} });
    expect(argumentsFromValue("")).toEqual({ arguments: {} });
    expect(argumentsFromValue("hello")).toEqual({ arguments: {}, rawArguments: '"hello"' });
    expect(argumentsFromValue([1])).toEqual({ arguments: {}, rawArguments: "[1]" });
  });
});

describe("argumentsFromText", () => {
  it("parses a JSON object and passes anything else through verbatim", () => {
    expect(argumentsFromText(' {"a": [1]} ')).toEqual({ arguments: { a: [1] } });
    expect(argumentsFromText("")).toEqual({ arguments: {} });
    expect(argumentsFromText('{"a": "tru')).toEqual({ arguments: {}, rawArguments: '{"a": "tru' });
  });
});
