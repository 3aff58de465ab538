import { describe, expect, test } from "vitest";
import { NodePrefixCache } from "./node-prefix-cache.js";
import { PrefixTrie } from "./prefix-trie.js";
import { TokenCounter } from "./token-counter.js";

const words = (count: number, word = "alpha") => `${word} `.repeat(count);

describe("PrefixTrie", () => {
  test("the same prefix is the same state, and tokens add up along the path", () => {
    const trie = new PrefixTrie(new TokenCounter());
    const one = trie.walk(["system prompt", "user one"]);
    const two = trie.walk(["system prompt", "user two"]);
    expect(two[0]).toBe(one[0]);
    expect(two[1]).not.toBe(one[1]);
    expect(one[1]?.tokens).toBe((one[0]?.tokens ?? 0) + (one[1]?.ownTokens ?? 0));
    expect(one[1]?.hash).not.toBe(two[1]?.hash);
  });

  test("clearing when full starts a new generation", () => {
    const trie = new PrefixTrie(new TokenCounter(), 3);
    trie.walk(["a", "b"]);
    expect(trie.generation).toBe(0);
    trie.walk(["c", "d"]);
    expect(trie.generation).toBe(1);
  });
});

describe("NodePrefixCache", () => {
  const trie = new PrefixTrie(new TokenCounter());

  test("matches whole blocks of the longest stored prefix", () => {
    const cache = new NodePrefixCache(10_000, 16);
    const stored = trie.walk([words(100), words(50, "beta")]);
    cache.store(stored);
    const total = stored[1]?.tokens ?? 0;
    expect(cache.matchTokens(stored)).toBe(Math.floor(total / 16) * 16);
    const diverged = trie.walk([words(100), words(50, "gamma")]);
    const firstOnly = stored[0]?.tokens ?? 0;
    expect(cache.matchTokens(diverged)).toBe(Math.floor(firstOnly / 16) * 16);
    expect(cache.matchTokens(trie.walk([words(99)]))).toBe(0);
  });

  test("evicts least recently used blocks, a conversation's newest blocks first", () => {
    const cache = new NodePrefixCache(160, 16);
    const first = trie.walk([words(60, "one"), words(60, "two")]);
    cache.store(first);
    expect(cache.usedTokens).toBeLessThanOrEqual(160);
    // The tail segment went first: the leading segment is still whole.
    expect(cache.matchTokens(first)).toBeGreaterThanOrEqual(Math.floor((first[0]?.tokens ?? 0) / 16) * 16);
    const before = cache.matchTokens(first);
    const other = trie.walk([words(150, "three")]);
    cache.store(other);
    // The older conversation lost its tail segment and part of its head, keeping leading blocks.
    expect(cache.matchTokens(first)).toBeLessThan(Math.floor((first[0]?.tokens ?? 0) / 16) * 16);
    expect(cache.matchTokens(first)).toBeLessThan(before);
    expect(cache.matchTokens(other)).toBe(Math.floor((other[0]?.tokens ?? 0) / 16) * 16);
    expect(cache.usedTokens).toBeLessThanOrEqual(160);
  });

  test("a hit refreshes the matched prefix", () => {
    const cache = new NodePrefixCache(200, 16);
    const a = trie.walk([words(80, "aa")]);
    const b = trie.walk([words(80, "bb")]);
    cache.store(a);
    cache.store(b);
    cache.store(a);
    cache.store(trie.walk([words(80, "cc")]));
    // b was least recently used, so it paid for cc; a, refreshed by its hit, is intact.
    expect(cache.matchTokens(a)).toBe(Math.floor((a[0]?.tokens ?? 0) / 16) * 16);
    expect(cache.matchTokens(b)).toBeLessThan(cache.matchTokens(a));
  });
});
