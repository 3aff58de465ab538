import type { ChatMessage } from "@bridle/core";
import { describe, expect, it } from "vitest";
import { collectSessionFacts, formatSessionFacts, parseSessionFacts } from "./session-facts.js";
import { isSummaryMessage, readSummaryMessage, SUMMARY_MARKER, summaryMessage } from "./summary-message.js";

const history: ChatMessage[] = [
  { role: "user", content: "Port the parser to TypeScript.\nDo not touch the tests." },
  { role: "assistant", content: null, toolCalls: [{ id: "1", name: "read", arguments: '{"path":"src/parser.js"}' }] },
  { role: "tool", toolCallId: "1", content: "…" },
  { role: "assistant", content: null, toolCalls: [{ id: "2", name: "todowrite", arguments: '{"todos":[{"content":"port lexer","status":"done"},\n{"content":"port parser","status":"in_progress"}]}' }] },
  { role: "tool", toolCallId: "2", content: "ok" },
  { role: "assistant", content: null, toolCalls: [{ id: "3", name: "edit", arguments: '{"file_path":"src/parser.ts","old":"a","new":"b"}' }] },
  { role: "tool", toolCallId: "3", content: [{ type: "text", text: "edited" }, { type: "image", url: "data:image/png;base64,AA" }] },
  { role: "user", content: "Use tabs, not spaces." },
];

describe("session facts", () => {
  it("collects user messages, files touched, the latest todo list and dropped images", () => {
    const facts = collectSessionFacts(history, undefined, isSummaryMessage);
    expect(facts.userMessages).toEqual(["Port the parser to TypeScript. Do not touch the tests.", "Use tabs, not spaces."]);
    expect(facts.filesTouched).toEqual(["src/parser.js", "src/parser.ts"]);
    expect(facts.todo).toContain('"port parser","status":"in_progress"');
    expect(facts.images).toBe(1);
  });

  it("round-trips through the summary message, so a later compaction carries them on", () => {
    const facts = collectSessionFacts(history, undefined, isSummaryMessage);
    const message = summaryMessage("## Task\nPort the parser.", facts);
    expect(isSummaryMessage(message)).toBe(true);
    expect((message.content as string).startsWith(SUMMARY_MARKER)).toBe(true);
    const read = readSummaryMessage(message)!;
    expect(read.brief).toBe("## Task\nPort the parser.");
    expect(read.facts).toEqual(facts);
    expect(parseSessionFacts(formatSessionFacts(facts))).toEqual(facts);

    const later: ChatMessage[] = [message, { role: "user", content: "Now the printer." }, { role: "assistant", content: null, toolCalls: [{ id: "9", name: "write", arguments: '{"path":"src/printer.ts","content":"x"}' }] }];
    const next = collectSessionFacts(later, read.facts, isSummaryMessage);
    expect(next.userMessages).toEqual([...facts.userMessages, "Now the printer."]);
    expect(next.filesTouched).toEqual(["src/parser.js", "src/parser.ts", "src/printer.ts"]);
    expect(next.todo).toBe(facts.todo);
  });

  it("always keeps the first user message (the task) when the list is cut", () => {
    const many: ChatMessage[] = Array.from({ length: 40 }, (_, index) => ({ role: "user" as const, content: `message ${index}` }));
    const facts = collectSessionFacts(many, undefined, isSummaryMessage);
    expect(facts.userMessages[0]).toBe("message 0");
    expect(facts.userMessages.at(-1)).toBe("message 39");
    expect(facts.userMessages.length).toBeLessThanOrEqual(16);
  });

  it("reads nothing from text without facts", () => {
    expect(parseSessionFacts("just a brief")).toBeUndefined();
    expect(readSummaryMessage({ role: "user", content: "hello" })).toBeUndefined();
  });
});
