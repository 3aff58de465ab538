import { describe, expect, test } from "vitest";
import { IncrementalBodyParser } from "./incremental-body-parser.js";

const bytes = (value: unknown) => Buffer.from(JSON.stringify(value));

function conversation(turns: number, prefix = "turn"): Record<string, unknown>[] {
  const messages: Record<string, unknown>[] = [{ role: "system", content: "Be brief. Ünïcödé ✓ 🚀" }];
  for (let turn = 0; turn < turns; turn += 1) {
    messages.push({ role: "user", content: `${prefix} ${turn}: "quoted" \\ back\nslash` });
    messages.push({ role: "assistant", content: null, tool_calls: [{ id: `call_${turn}`, type: "function", function: { name: "read", arguments: `{"n":${turn}}` } }] });
  }
  return messages;
}

describe("IncrementalBodyParser", () => {
  test("a growing conversation reuses every earlier message and parses to what JSON.parse gives", () => {
    const parser = new IncrementalBodyParser();
    const messages = conversation(3);
    let previous: unknown[] | undefined;
    for (let turn = 0; turn < 5; turn += 1) {
      messages.push({ role: "user", content: `next ${turn}` });
      const body = { model: "m", messages, tools: [{ type: "function", function: { name: "read" } }], stream: true };
      const parsed = parser.parse(bytes(body));
      expect(parsed.value).toEqual(JSON.parse(JSON.stringify(body)));
      if (previous !== undefined) {
        expect(parsed.reusedMessages).toBe(previous.length);
        // Reused messages are the very objects parsed before.
        expect((parsed.value as { messages: unknown[] }).messages[0]).toBe(previous[0]);
      }
      previous = (parsed.value as { messages: unknown[] }).messages;
    }
  });

  test("an edit in the middle reuses only the messages before it", () => {
    const parser = new IncrementalBodyParser();
    const messages = conversation(4);
    parser.parse(bytes({ model: "m", messages }));
    const edited = messages.map((message, index) => (index === 3 ? { ...message, content: "changed" } : message));
    const parsed = parser.parse(bytes({ model: "m", messages: edited }));
    expect(parsed.reusedMessages).toBe(3);
    expect(parsed.value).toEqual({ model: "m", messages: edited });
  });

  test("interleaved conversations each find their own previous body", () => {
    const parser = new IncrementalBodyParser();
    const a = conversation(3, "alpha");
    const b = conversation(3, "beta");
    parser.parse(bytes({ model: "m", messages: a }));
    parser.parse(bytes({ model: "m", messages: b }));
    a.push({ role: "user", content: "more a" });
    const parsed = parser.parse(bytes({ model: "m", messages: a }));
    expect(parsed.reusedMessages).toBe(a.length - 1);
    expect(parsed.value).toEqual({ model: "m", messages: a });
  });

  test("bodies it cannot line up fall back to a full parse with the same result", () => {
    const parser = new IncrementalBodyParser();
    const messages = conversation(2);
    // Pretty-printed JSON: message texts differ from JSON.stringify, so nothing is reused.
    const pretty = Buffer.from(JSON.stringify({ model: "m", messages }, null, 2));
    expect(parser.parse(pretty).value).toEqual({ model: "m", messages });
    expect(parser.parse(pretty).reusedMessages).toBe(0);
    // A nested "messages" array before the real one must not fool it.
    const tricky = { tools: [{ parameters: { "messages": [1, 2] } }], messages };
    parser.parse(bytes(tricky));
    const second = parser.parse(bytes({ ...tricky, messages: [...messages, { role: "user", content: "x" }] }));
    expect(second.value).toEqual({ ...tricky, messages: [...messages, { role: "user", content: "x" }] });
    // No messages at all, or not an object.
    expect(parser.parse(Buffer.from('{"model":"m"}')).value).toEqual({ model: "m" });
    expect(parser.parse(Buffer.from("[1,2]")).value).toEqual([1, 2]);
  });

  test("invalid JSON throws like JSON.parse, also when the start matches an earlier body", () => {
    const parser = new IncrementalBodyParser();
    const messages = conversation(2);
    parser.parse(bytes({ model: "m", messages }));
    const valid = JSON.stringify({ model: "m", messages: [...messages, { role: "user", content: "x" }] });
    expect(() => parser.parse(Buffer.from(valid.slice(0, -3)))).toThrow(SyntaxError);
    expect(() => parser.parse(Buffer.from("{nope"))).toThrow(SyntaxError);
  });

  test("a shorter resend (a retry after compaction) still parses exactly", () => {
    const parser = new IncrementalBodyParser();
    const messages = conversation(5);
    parser.parse(bytes({ model: "m", messages }));
    const compacted = [messages[0], { role: "user", content: "Summary so far." }];
    expect(parser.parse(bytes({ model: "m", messages: compacted })).value).toEqual({ model: "m", messages: compacted });
    const prefixOnly = messages.slice(0, 3);
    const parsed = parser.parse(bytes({ model: "m", messages: prefixOnly }));
    expect(parsed.value).toEqual({ model: "m", messages: prefixOnly });
  });
});
