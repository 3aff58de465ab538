const OPEN = "<think>";
const CLOSE = "</think>";

/**
 * Splits `<think>…</think>` out of streamed content (MiniMax M2, R1 distills, LM Studio without
 * separate reasoning), coping with a tag cut across chunks: a chunk ending in a prefix of a tag is
 * held back until the next chunk decides.
 */
export class ThinkSplitter {
  #inside = false;
  #pending = "";
  /** True once any `<think>` block was seen, so replay can put reasoning back in the same place. */
  sawTag = false;

  push(text: string): { content: string; reasoning: string } {
    let input = this.#pending + text;
    this.#pending = "";
    let content = "";
    let reasoning = "";
    while (input.length > 0) {
      const tag = this.#inside ? CLOSE : OPEN;
      const at = input.indexOf(tag);
      if (at >= 0) {
        if (this.#inside) reasoning += input.slice(0, at);
        else content += input.slice(0, at);
        input = input.slice(at + tag.length);
        this.#inside = !this.#inside;
        this.sawTag = true;
        continue;
      }
      const keep = partialSuffix(input, tag);
      const emit = input.slice(0, input.length - keep);
      if (this.#inside) reasoning += emit;
      else content += emit;
      this.#pending = input.slice(input.length - keep);
      break;
    }
    return { content, reasoning };
  }

  /** Whatever was held back, at the end of the stream. */
  flush(): { content: string; reasoning: string } {
    const rest = this.#pending;
    this.#pending = "";
    return this.#inside ? { content: "", reasoning: rest } : { content: rest, reasoning: "" };
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialSuffix(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}
