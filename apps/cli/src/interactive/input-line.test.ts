import { describe, expect, it } from "vitest";
import { createInputLine, editInputLine, type InputLine, type LineKey, submitInputLine } from "./input-line.js";

const type = (line: InputLine, text: string) => editInputLine(line, text, {});
const press = (line: InputLine, key: LineKey, input = "") => editInputLine(line, input, key);

describe("editInputLine", () => {
  it("inserts at the cursor and moves with arrows, home and end", () => {
    let line = type(createInputLine(), "helo");
    line = press(line, { leftArrow: true });
    line = type(line, "l");
    expect(line).toMatchObject({ text: "hello", cursor: 4 });
    line = press(line, { home: true });
    line = type(line, "> ");
    expect(line.text).toBe("> hello");
    expect(press(line, { end: true }).cursor).toBe(7);
  });

  it("deletes backwards with backspace (which terminals send as DEL) and words with ctrl-w", () => {
    let line = type(createInputLine(), "fix the tests");
    line = press(line, { delete: true });
    expect(line.text).toBe("fix the test");
    line = press(line, { ctrl: true }, "w");
    expect(line.text).toBe("fix the ");
    line = press(line, { ctrl: true }, "u");
    expect(line).toMatchObject({ text: "", cursor: 0 });
  });

  it("kills to the end with ctrl-k and deletes forward with ctrl-d", () => {
    let line = press(type(createInputLine(), "abcdef"), { ctrl: true }, "a");
    line = press(line, { ctrl: true }, "d");
    expect(line.text).toBe("bcdef");
    line = press(press(line, { rightArrow: true }), { ctrl: true }, "k");
    expect(line.text).toBe("b");
  });

  it("keeps line breaks of a paste and drops control characters", () => {
    const line = type(createInputLine(), "first\r\nsecond\u0007");
    expect(line.text).toBe("first\nsecond");
  });

  it("leaves Enter, Tab and Escape to the caller", () => {
    const line = type(createInputLine(), "x");
    expect(press(line, { return: true })).toBe(line);
    expect(press(line, { escape: true })).toBe(line);
  });
});

describe("history", () => {
  it("browses earlier prompts with up and down and restores the draft", () => {
    let line = submitInputLine(type(createInputLine(), "first"));
    line = submitInputLine(type(line, "second"));
    line = type(line, "dra");
    line = press(line, { upArrow: true });
    expect(line.text).toBe("second");
    line = press(line, { upArrow: true });
    expect(line.text).toBe("first");
    line = press(line, { upArrow: true });
    expect(line.text).toBe("first");
    line = press(press(line, { downArrow: true }), { downArrow: true });
    expect(line).toMatchObject({ text: "dra", historyIndex: undefined });
  });

  it("does not record blank lines or repeat the newest entry", () => {
    let line = submitInputLine(type(createInputLine(["a"]), "a"));
    line = submitInputLine(type(line, "   "));
    expect(line.history).toEqual(["a"]);
  });
});
