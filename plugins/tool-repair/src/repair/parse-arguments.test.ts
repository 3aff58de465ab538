import { describe, expect, it } from "vitest";
import { parseArguments } from "./parse-arguments.js";
import { RepairRecorder } from "./repair-recorder.js";

function parse(raw: unknown, keys: string[] | null = null) {
  const recorder = new RepairRecorder();
  return { result: parseArguments(raw, keys === null ? null : new Set(keys), recorder), rules: recorder.rules };
}

describe("parseArguments", () => {
  it("reads empty and absent arguments as one empty object", () => {
    expect(parse("").result).toEqual({ ok: true, objects: [{}], split: false });
    expect(parse(undefined).result).toEqual({ ok: true, objects: [{}], split: false });
  });

  it("chains text repairs and records each", () => {
    const { result, rules } = parse('<tool_call>{"a": "say "hi"", "b": [1, 2,]}', ["a", "b"]);
    expect(result).toEqual({ ok: true, objects: [{ a: 'say "hi"', b: [1, 2] }], split: false });
    expect(rules).toEqual(["strip-text-debris", "escape-inner-quotes", "repair-json"]);
  });

  it("decodes one or two levels of string encoding", () => {
    expect(parse(JSON.stringify(JSON.stringify(JSON.stringify({ a: 1 })))).result).toEqual({ ok: true, objects: [{ a: 1 }], split: false });
  });

  it("marks split results", () => {
    expect(parse('{"a":1}{"a":2}').result).toMatchObject({ ok: true, split: true });
    expect(parse([{ a: 1 }, { a: 2 }]).result).toMatchObject({ ok: true, split: true });
  });

  it("reports problems instead of throwing", () => {
    expect(parse('{"a": "b').result).toMatchObject({ ok: false, problem: { kind: "truncated", key: "a" } });
    expect(parse("true").result).toEqual({ ok: false, problem: { kind: "not-object", got: "boolean true" } });
  });
});
