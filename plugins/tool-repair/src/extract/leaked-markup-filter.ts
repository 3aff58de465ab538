import type { TextStreamFilter } from "@bridle/core";
import { createToolCallStreamExtractor } from "./create-tool-call-stream-extractor.js";
import type { ExtractOptions, OfferedTool } from "./types.js";

/**
 * The `streamText` filter: streamed text minus tool-call markup the model leaks into it, as the
 * markup arrives. What may still turn out to be markup (a partial marker, an unclosed block) is
 * held until the text decides it; what is shown is what `extractToolCalls` leaves as content, so
 * the markup never reaches the screen, however the stream is split.
 */
export function leakedMarkupFilter(tools?: readonly OfferedTool[], options?: ExtractOptions): TextStreamFilter {
  const extractor = createToolCallStreamExtractor(tools, options);
  return {
    push: (text) => extractor.push(text).content,
    end: () => extractor.end().content,
  };
}
