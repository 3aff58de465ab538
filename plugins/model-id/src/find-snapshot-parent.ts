import { splitDatedSnapshot } from "./split-dated-snapshot.js";

/** How {@link findSnapshotParent} looks things up. */
export interface SnapshotLookup {
  /** Every id the registry describes. */
  knownIds: Iterable<string>;
  isKnown: (id: string) => boolean;
  /** The canonical id of a name (the funnel), for a base a gateway shortened. */
  canonicalize: (name: string) => string;
}

/**
 * The known model an unknown dated snapshot belongs to, whose limits it may inherit: the undated
 * model itself (`qwen3-coder-plus` for `qwen3-coder-plus-2025-09-23`), else the nearest dated
 * sibling of the same name (the latest one before it, or the earliest after), else whatever the
 * name resolves to through the funnel. `null` for an id without a date or a name nobody knows.
 * The snapshot keeps its own id: a dated checkpoint is its own weights.
 */
export function findSnapshotParent(id: string, lookup: SnapshotLookup): string | null {
  const dated = splitDatedSnapshot(id);
  if (dated === null) return null;
  if (lookup.isKnown(dated.base)) return dated.base;
  const siblings: Array<{ id: string; order: number }> = [];
  for (const known of lookup.knownIds) {
    const sibling = splitDatedSnapshot(known);
    if (sibling !== null && sibling.base === dated.base && known !== id) siblings.push({ id: known, order: sibling.order });
  }
  const earlier = siblings.filter((sibling) => sibling.order <= dated.order).sort((a, b) => b.order - a.order)[0];
  const later = siblings.filter((sibling) => sibling.order > dated.order).sort((a, b) => a.order - b.order)[0];
  const nearest = earlier ?? later;
  if (nearest !== undefined) return nearest.id;
  const resolved = lookup.canonicalize(dated.base);
  return resolved !== id && lookup.isKnown(resolved) ? resolved : null;
}
