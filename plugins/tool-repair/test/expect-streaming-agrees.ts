import { expect } from "vitest";
import { createToolCallStreamExtractor } from "../src/extract/create-tool-call-stream-extractor.js";
import { extractToolCalls } from "../src/extract/extract-tool-calls.js";
import type { ExtractResult, OfferedTool } from "../src/extract/types.js";

/** Streams the text split at every point (and one character at a time); each must equal the whole. */
export function expectStreamingAgrees(text: string, tools?: OfferedTool[]): ExtractResult {
  const whole = extractToolCalls(text, tools);
  const splits = [...Array.from({ length: text.length - 1 }, (_, cut) => [text.slice(0, cut + 1), text.slice(cut + 1)]), [...text]];
  for (const chunks of splits) {
    const extractor = createToolCallStreamExtractor(tools);
    const pushed = chunks.map((chunk) => extractor.push(chunk).content).join("");
    const end = extractor.end();
    expect({ ...end, content: pushed + end.content }).toEqual(whole);
  }
  return whole;
}
