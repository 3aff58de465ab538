import type { CanonicalModelId, ModelInfo, ModelRegistry } from "@bridle/core";
import type { Canonicalizer } from "./create-canonicalizer.js";
import { findSnapshotParent } from "./find-snapshot-parent.js";

/**
 * Describes an unknown dated snapshot of a known model in the registry, with that model's facts
 * and limits and `snapshotOf` naming it, so it gets the real window instead of the conservative
 * default. The snapshot keeps its own id; per-gateway slugs are not inherited (the parent's slug
 * names other weights). Returns the parent's id, or `null` when there is none.
 */
export function defineDatedSnapshot(id: string, registry: ModelRegistry, canonicalizer: Canonicalizer): string | null {
  const isKnown = (candidate: string) => registry.has(candidate as CanonicalModelId);
  const parent = findSnapshotParent(id, {
    knownIds: registry.list().map((model) => model.id),
    isKnown,
    canonicalize: (name) => canonicalizer.canonicalize(name).id,
  });
  const info = parent === null ? undefined : registry.get(parent as CanonicalModelId);
  if (parent === null || info === undefined) return null;
  const { gateways, snapshotOf: _grandparent, ...facts } = info;
  const entry: ModelInfo = { ...facts, id, snapshotOf: parent };
  const limits = Object.entries(gateways ?? {}).map(([gateway, { slug: _slug, ...override }]) => [gateway, override] as const);
  if (limits.length > 0) entry.gateways = Object.fromEntries(limits);
  registry.define(entry);
  return parent;
}
