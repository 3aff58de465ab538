import { resolveSettings } from "./resolve-settings.js";
import { advanceScan, createScanState, finalContent, scanResult, settledContentLength } from "./tool-call-scanner.js";
import type { ExtractOptions, ExtractResult, ToolCallStreamExtractor, OfferedTool } from "./types.js";

const LONG_PENDING = 1024;

/**
 * Extraction over streamed text. `push` returns only content that no later text can take back: a
 * suffix that may be the start of a marker, an unclosed call block, and trailing whitespace are
 * held. `end` returns the calls and the rest of the content, so the pushed pieces plus the end
 * piece equal `extractToolCalls` on the whole text, however the text was split.
 */
export function createToolCallStreamExtractor(tools?: readonly OfferedTool[], options?: ExtractOptions): ToolCallStreamExtractor {
  const settings = resolveSettings(tools, options, "createToolCallStreamExtractor");
  const state = createScanState();
  let emitted = 0;
  let ended = false;
  // A long block still open is re-read only after it grew by a quarter, so streaming a large call
  // in small chunks costs O(n) overall instead of O(n²). Deferring only delays what `push` shows.
  let retryAt = 0;
  return {
    push(chunk: string): { content: string } {
      if (ended) throw new Error("createToolCallStreamExtractor: push() called after end()");
      if (typeof chunk !== "string") {
        throw new TypeError(`createToolCallStreamExtractor: push() takes a string chunk, got ${chunk === null ? "null" : typeof chunk}`);
      }
      if (chunk === "") return { content: "" };
      state.text += chunk;
      if (state.text.length < retryAt) return { content: "" };
      advanceScan(state, settings, false);
      const pending = state.text.length - state.position;
      retryAt = pending > LONG_PENDING ? state.text.length + (pending >> 2) : 0;
      const settled = settledContentLength(state);
      if (settled <= emitted) return { content: "" };
      const piece = state.content.slice(emitted, settled);
      emitted = settled;
      return { content: piece };
    },
    end(): ExtractResult {
      if (ended) throw new Error("createToolCallStreamExtractor: end() called twice");
      ended = true;
      advanceScan(state, settings, true);
      const result = scanResult(state);
      result.content = finalContent(state).slice(emitted);
      return result;
    },
  };
}
