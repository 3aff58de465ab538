import type { PrefixState } from "./prefix-trie.js";

/**
 * The KV prefix cache of one serving node. The prompt is cut into blocks of `blockTokens`
 * tokens; a block belongs to the prompt segment in which it completes, so its identity carries
 * the whole prefix before it, like vLLM's chained block hashes. Residency is kept per segment
 * (how many of its leading blocks are held), which makes a lookup cost one map read per message
 * rather than one per block. Eviction is least-recently-used and trims a segment from its tail,
 * and a hit refreshes the whole matched prefix with the earliest segments most recent, so
 * conversations lose their newest blocks first.
 */
export class NodePrefixCache {
  private readonly resident = new Map<PrefixState, number>();
  private usedBlocks = 0;
  private readonly capacityBlocks: number;

  constructor(
    readonly capacityTokens: number,
    readonly blockTokens: number,
  ) {
    this.capacityBlocks = Math.max(0, Math.floor(capacityTokens / blockTokens));
  }

  /** Tokens held by this node. */
  get usedTokens(): number {
    return this.usedBlocks * this.blockTokens;
  }

  /** Tokens at the start of `path` whose blocks this node holds. */
  matchTokens(path: readonly PrefixState[]): number {
    let matchedBlocks = 0;
    for (const state of path) {
      const own = this.ownBlocks(state);
      if (own === 0) continue;
      const held = this.resident.get(state) ?? 0;
      matchedBlocks += held;
      if (held < own) break;
    }
    return matchedBlocks * this.blockTokens;
  }

  /** Stores every full block of `path` and marks it most recently used. */
  store(path: readonly PrefixState[]): void {
    for (let index = path.length - 1; index >= 0; index -= 1) {
      const state = path[index] as PrefixState;
      const own = this.ownBlocks(state);
      if (own === 0) continue;
      const held = this.resident.get(state) ?? 0;
      this.resident.delete(state);
      this.resident.set(state, own);
      this.usedBlocks += own - held;
    }
    this.evict();
  }

  /** Drops everything. */
  clear(): void {
    this.resident.clear();
    this.usedBlocks = 0;
  }

  private ownBlocks(state: PrefixState): number {
    const parentTokens = state.parent === undefined ? 0 : state.parent.tokens;
    return Math.floor(state.tokens / this.blockTokens) - Math.floor(parentTokens / this.blockTokens);
  }

  private evict(): void {
    while (this.usedBlocks > this.capacityBlocks) {
      const oldest = this.resident.entries().next();
      if (oldest.done === true) break;
      const [state, held] = oldest.value;
      const excess = this.usedBlocks - this.capacityBlocks;
      if (held <= excess) {
        this.resident.delete(state);
        this.usedBlocks -= held;
      } else {
        // Map.set on an existing key keeps its place, so the segment stays the oldest.
        this.resident.set(state, held - excess);
        this.usedBlocks -= excess;
      }
    }
  }
}
