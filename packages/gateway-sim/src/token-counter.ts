import { decode, encode } from "gpt-tokenizer/encoding/o200k_base";

const NO_SPECIAL_TOKENS = new Set<string>();
const ENCODE_OPTIONS = { disallowedSpecial: NO_SPECIAL_TOKENS };

/**
 * Counts tokens with a real BPE tokenizer (o200k_base) and remembers the count per text, so a
 * conversation that grows by one message only pays for the new message. Special-token markup in
 * the text (`<|endoftext|>` and the like) is counted as ordinary text, as a server does for user
 * content.
 */
export class TokenCounter {
  private readonly counts = new Map<string, number>();
  private rememberedChars = 0;

  /** @param maxRememberedChars total text length kept in the memo before it is cleared */
  constructor(private readonly maxRememberedChars = 16 * 1024 * 1024) {}

  /** Number of tokens in `text`. */
  count(text: string): number {
    if (text.length === 0) return 0;
    const known = this.counts.get(text);
    if (known !== undefined) return known;
    const tokens = encode(text, ENCODE_OPTIONS).length;
    if (this.rememberedChars + text.length > this.maxRememberedChars) {
      this.counts.clear();
      this.rememberedChars = 0;
    }
    this.counts.set(text, tokens);
    this.rememberedChars += text.length;
    return tokens;
  }

  /** The longest prefix of `text` that fits in `maxTokens` tokens, and whether it was cut. */
  truncate(text: string, maxTokens: number): { text: string; tokens: number; cut: boolean } {
    const ids = encode(text, ENCODE_OPTIONS);
    if (ids.length <= maxTokens) return { text, tokens: ids.length, cut: false };
    const kept = Math.max(0, maxTokens);
    return { text: decode(ids.slice(0, kept)), tokens: kept, cut: true };
  }

  /** Forgets every remembered count. */
  clear(): void {
    this.counts.clear();
    this.rememberedChars = 0;
  }
}
