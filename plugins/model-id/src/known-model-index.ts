/** What a known id may add to a shorter name and still name the same weights. */
type ExtraKind = "instruct" | "size" | "version" | "date";

const SIZE = /^(?:\d+(?:\.\d+)?[bm]|a\d+(?:\.\d+)?b|\d+e|\d+x\d+b)$/;
const VERSION = /^(?:\d{1,2}(?:\.\d+)?|v\d+(?:\.\d+)*)$/;
const DATE = /^(?:\d{4}|\d{6}|\d{8})$/;

/**
 * Classifies a token a gateway may leave out: `instruct`/`vision` (Vercel's `meta/llama-3.2-11b`),
 * sizes (`llama-4-scout` for 17B-16E), generation numbers (`ministral-14b-2512` for Ministral 3)
 * and dates (`mistral-nemo` for 2407). Anything else (`thinking`, `coder`, `plus`, a fine-tune's
 * name) changes the weights and can never be added.
 */
function extraKind(token: string): ExtraKind | undefined {
  if (token === "instruct" || token === "vision") return "instruct";
  if (SIZE.test(token)) return "size";
  if (DATE.test(token)) return "date";
  if (VERSION.test(token)) return "version";
  return undefined;
}

interface Candidate {
  id: string;
  extras: string[];
}

/**
 * The known canonical ids, indexed by token, so a short or reordered name can be matched to the
 * one known id it abbreviates (`sao10k/l3-lunaris-8b` → `l3-8b-lunaris-v1`,
 * `qwen3-coder` → `qwen3-coder-480b-a35b-instruct`).
 */
export class KnownModelIndex {
  readonly #ids = new Set<string>();
  readonly #tokens = new Map<string, readonly string[]>();
  readonly #postings = new Map<string, string[]>();

  constructor(ids: Iterable<string>) {
    for (const id of ids) this.add(id);
  }

  /** Adds a canonical id (user entries arrive after the snapshot). */
  add(id: string): void {
    if (this.#ids.has(id)) return;
    this.#ids.add(id);
    if (id.startsWith("alias:")) return;
    const tokens = id.split("-");
    this.#tokens.set(id, tokens);
    for (const token of new Set(tokens)) {
      const list = this.#postings.get(token);
      if (list) list.push(id);
      else this.#postings.set(token, [id]);
    }
  }

  has(id: string): boolean {
    return this.#ids.has(id);
  }

  get size(): number {
    return this.#ids.size;
  }

  /**
   * The one known id that contains every token of `tokens` (same first token, any order) and
   * adds only tokens a gateway may leave out. Ties go to the latest date when the candidates
   * differ only by date, and to the largest size when they differ only by size (an unsized name
   * means the flagship); any other tie is ambiguous and returns `undefined`.
   */
  expand(tokens: readonly string[]): string | undefined {
    if (tokens.length === 0) return undefined;
    const head = tokens[0] as string;
    let pool: readonly string[] | undefined;
    for (const token of tokens) {
      const list = this.#postings.get(token);
      if (!list) return undefined;
      if (!pool || list.length < pool.length) pool = list;
    }
    const wanted = new Set(tokens);
    let best: Candidate[] = [];
    let bestCost = Infinity;
    for (const id of pool ?? []) {
      const idTokens = this.#tokens.get(id) as readonly string[];
      if (idTokens[0] !== head) continue;
      const idSet = new Set(idTokens);
      let contains = true;
      for (const token of wanted) {
        if (!idSet.has(token)) {
          contains = false;
          break;
        }
      }
      if (!contains) continue;
      const extras = [...idSet].filter((token) => !wanted.has(token));
      if (extras.some((token) => extraKind(token) === undefined)) continue;
      if (extras.length < bestCost) {
        bestCost = extras.length;
        best = [{ id, extras }];
      } else if (extras.length === bestCost) {
        best.push({ id, extras });
      }
    }
    if (best.length <= 1) return best[0]?.id;
    // A bare family word (`qwen3`) names no size, so only a newer release may break its tie.
    return breakTie(best, tokens.length > 1 ? ["date", "size"] : ["date"]);
  }
}

function breakTie(candidates: readonly Candidate[], kinds: ReadonlyArray<"date" | "size">): string | undefined {
  const shape = (candidate: Candidate, ignore: ExtraKind) =>
    candidate.extras
      .filter((token) => extraKind(token) !== ignore)
      .sort()
      .join("-");
  for (const kind of kinds) {
    const first = shape(candidates[0] as Candidate, kind);
    if (candidates.every((candidate) => shape(candidate, kind) === first)) {
      return [...candidates].sort((a, b) => magnitude(b, kind) - magnitude(a, kind))[0]?.id;
    }
  }
  return undefined;
}

/** The date (as a number, so later is larger within one naming scheme) or the total size in billions. */
function magnitude(candidate: Candidate, kind: "date" | "size"): number {
  for (const token of candidate.extras) {
    if (extraKind(token) !== kind) continue;
    if (kind === "date") return Number(token);
    if (/^\d/.test(token)) return Number.parseFloat(token) * (token.endsWith("m") ? 0.001 : 1);
  }
  return 0;
}
