import { hashString } from "./hash-string.js";
import type { TokenCounter } from "./token-counter.js";

/**
 * One node of the prefix trie: the prompt made of every segment (tools, then messages) on the
 * path from the root to here. A state is created once per distinct prefix and then found again
 * by a map lookup, which is what keeps a 100k-token conversation cheap to re-read.
 */
export interface PrefixState {
  readonly parent: PrefixState | undefined;
  /** Tokens of the whole prefix up to and including this segment. */
  readonly tokens: number;
  /** Tokens of this segment alone. */
  readonly ownTokens: number;
  /** Content hash chained over every segment of the prefix. */
  readonly hash: number;
  readonly depth: number;
  /** The rendered segment this state appended to its parent's prefix. */
  readonly segment: string;
  readonly children: Map<string, PrefixState>;
  /** The child found last; a growing conversation asks for it again next turn. */
  lastChild: PrefixState | undefined;
}

/**
 * A trie over rendered prompt segments shared by every gateway and node of a simulator. Caches
 * refer to its states; `generation` changes when the trie is cleared so they can drop stale
 * references.
 */
export class PrefixTrie {
  private rootState: PrefixState = PrefixTrie.createRoot();
  private stateCount = 0;
  private generationNumber = 0;

  /** @param maxStates states kept before the whole trie is cleared (caches follow it) */
  constructor(
    private readonly counter: TokenCounter,
    private readonly maxStates = 200_000,
  ) {}

  /** The empty prefix. */
  get root(): PrefixState {
    return this.rootState;
  }

  /** Increases each time the trie is cleared. */
  get generation(): number {
    return this.generationNumber;
  }

  /** The state reached from `state` by appending the segment `segment`. */
  child(state: PrefixState, segment: string): PrefixState {
    // Comparing with the last child is a length check and a memcmp; a map lookup would hash the
    // whole (freshly parsed, so never hashed before) segment, which costs far more on 100k tokens.
    const recent = state.lastChild;
    if (recent !== undefined && recent.segment === segment) return recent;
    const known = state.children.get(segment);
    if (known !== undefined) {
      state.lastChild = known;
      return known;
    }
    const ownTokens = this.counter.count(segment);
    const created: PrefixState = {
      parent: state,
      tokens: state.tokens + ownTokens,
      ownTokens,
      hash: hashString(segment, state.hash),
      depth: state.depth + 1,
      segment,
      children: new Map(),
      lastChild: undefined,
    };
    state.children.set(segment, created);
    state.lastChild = created;
    this.stateCount += 1;
    return created;
  }

  /** Clears the trie when `count` more states might not fit. */
  ensureRoom(count: number): void {
    if (this.stateCount + count > this.maxStates) this.clear();
  }

  /** Every state along `segments`, starting after the root; clears the trie first when full. */
  walk(segments: readonly string[]): PrefixState[] {
    this.ensureRoom(segments.length);
    const path: PrefixState[] = [];
    let state = this.rootState;
    for (const segment of segments) {
      state = this.child(state, segment);
      path.push(state);
    }
    return path;
  }

  /** Drops every state. */
  clear(): void {
    this.rootState = PrefixTrie.createRoot();
    this.stateCount = 0;
    this.generationNumber += 1;
  }

  private static createRoot(): PrefixState {
    return { parent: undefined, tokens: 0, ownTokens: 0, hash: 0x811c9dc5, depth: 0, segment: "", children: new Map(), lastChild: undefined };
  }
}
