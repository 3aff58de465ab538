/**
 * What the visible text of a streaming answer passes through before it is shown. `push` gets each
 * text delta and returns the part that may be shown now (it may hold some back); `end` returns
 * what it still held when the stream finished.
 */
export interface TextStreamFilter {
  push(text: string): string;
  end(): string;
}

/** The filter that shows every delta as it arrives. */
export function passThroughFilter(): TextStreamFilter {
  return { push: (text) => text, end: () => "" };
}

/**
 * `inner` applied to what `outer` lets through: a tap of `streamText` wraps the filter it was
 * given in its own this way.
 */
export function chainTextFilters(outer: TextStreamFilter, inner: TextStreamFilter): TextStreamFilter {
  return {
    push: (text) => {
      const passed = outer.push(text);
      return passed === "" ? "" : inner.push(passed);
    },
    end: () => {
      const rest = outer.end();
      return (rest === "" ? "" : inner.push(rest)) + inner.end();
    },
  };
}
