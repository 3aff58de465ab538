const OPEN = "<think>";
const CLOSE = "</think>";

/**
 * Splits `<think>…</think>` out of streamed content (models whose server does not separate
 * reasoning), coping with a tag cut across chunks: a chunk ending in a prefix of a tag is
 * held back until the next chunk decides. The newlines models put around the reasoning and right
 * after `</think>` are layout, not text: they are dropped, even when cut across chunks.
 */
export class ThinkSplitter {
  #inside = false;
  #pending = "";
  /** Drop leading whitespace of what comes next (just after a tag). */
  #trimLead = false;
  /** Whitespace at the end of the reasoning so far, held until it is known not to end the block. */
  #heldSpace = "";
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
        if (this.#inside) reasoning += this.#reasoningPart(input.slice(0, at));
        else content += this.#contentPart(input.slice(0, at));
        input = input.slice(at + tag.length);
        this.#inside = !this.#inside;
        this.#heldSpace = "";
        this.#trimLead = true;
        this.sawTag = true;
        continue;
      }
      const keep = partialSuffix(input, tag);
      const emit = input.slice(0, input.length - keep);
      if (this.#inside) reasoning += this.#reasoningPart(emit);
      else content += this.#contentPart(emit);
      this.#pending = input.slice(input.length - keep);
      break;
    }
    return { content, reasoning };
  }

  /** Whatever was held back, at the end of the stream. */
  flush(): { content: string; reasoning: string } {
    const rest = this.#pending;
    this.#pending = "";
    return this.#inside ? { content: "", reasoning: this.#reasoningPart(rest) } : { content: this.#contentPart(rest), reasoning: "" };
  }

  #contentPart(text: string): string {
    if (!this.#trimLead) return text;
    const trimmed = text.replace(/^\s+/, "");
    if (trimmed.length > 0) this.#trimLead = false;
    return trimmed;
  }

  #reasoningPart(text: string): string {
    let part = text;
    if (this.#trimLead) {
      part = part.replace(/^\s+/, "");
      if (part.length === 0) return "";
      this.#trimLead = false;
    }
    const joined = this.#heldSpace + part;
    const trailing = /\s+$/.exec(joined)?.[0] ?? "";
    this.#heldSpace = trailing;
    return joined.slice(0, joined.length - trailing.length);
  }
}

/** Length of the longest suffix of `text` that is a proper prefix of `tag`. */
function partialSuffix(text: string, tag: string): number {
  for (let length = Math.min(tag.length - 1, text.length); length > 0; length--) {
    if (text.endsWith(tag.slice(0, length))) return length;
  }
  return 0;
}
