import { type CanonicalModelId, definePlugin, type SessionContext, Stage } from "@bridle/core";
import { canonicalize } from "./canonicalize.js";
import { createCanonicalizer } from "./create-canonicalizer.js";
import { datedSnapshotNote } from "./dated-snapshot-note.js";
import { defineDatedSnapshot } from "./define-dated-snapshot.js";
import { learnOverflowLimit } from "./learn-overflow-limit.js";
import { modelIdOptionsSchema } from "./model-id-options.js";
import { MOVING_ALIASES, type MovingAlias } from "./moving-aliases.js";
import { normalizeModelName } from "./normalize-model-name.js";
import { resolveModelRef } from "./resolve-model-ref.js";
import { SNAPSHOT_IDS, SNAPSHOT_MODELS } from "./snapshot/snapshot-models.js";
import { toGatewaySlug } from "./to-gateway-slug.js";
import { unknownModelWarning } from "./unknown-model-warning.js";
import { userModelEntries } from "./user-model-entries.js";

const NAME = "model-id";

/**
 * Canonical model identity and the model registry. Taps `resolveModel` (NORMALIZE) so every model
 * string becomes a canonical id, fills the shared registry from the snapshot and the user's
 * `models`, installs the gateway slug rule for the transport, learns real windows from overflow
 * errors (`onError`, NORMALIZE, never decides a recovery), gives an unknown dated snapshot of a
 * known model that model's limits, and notes once per session when an unknown model or such a
 * snapshot is used (`onModelSwitch` and `beforeRequest`, OBSERVE).
 */
export const modelIdPlugin = definePlugin({
  name: NAME,
  description: "Canonical model ids for every gateway spelling, and the model registry with per-gateway windows.",
  options: modelIdOptionsSchema,
  // Model facts and names only: a repository may set them before its folder is trusted.
  harmlessOptions: ["models", "aliases", "warnUnknown", "learnFromOverflow", "cacheSize"],
  apply(kernel, options) {
    const registry = kernel.models;
    const isDefined = (id: string) => registry.has(id as CanonicalModelId);
    const userAliases: MovingAlias[] = Object.entries(options.aliases).map(([from, to]) => ({
      from: normalizeModelName(from),
      to: canonicalize(to).id,
      note: "user alias",
    }));
    const canonicalizer = createCanonicalizer({
      knownIds: SNAPSHOT_IDS,
      aliases: [...userAliases, ...MOVING_ALIASES],
      cacheSize: options.cacheSize,
      isHybrid: (id) => registry.get(id as CanonicalModelId)?.reasoning === "optional",
    });
    for (const model of SNAPSHOT_MODELS) registry.define(model);
    for (const entry of userModelEntries(options.models, canonicalizer, isDefined)) {
      registry.define(entry);
      canonicalizer.addKnownId(entry.id);
    }
    // The generic rule: a gateway's own slug data (its definition's `slugs`) when it has some.
    registry.addSlugRule((id, gateway) => toGatewaySlug(id, gateway, undefined, kernel.gateways.get(gateway)?.slugs), { owner: `plugin "${NAME}"` });

    kernel.hooks.resolveModel.tap({ name: NAME, stage: Stage.NORMALIZE }, (ref) => {
      const resolved = resolveModelRef(ref, canonicalizer, isDefined);
      if (resolved.known || defineDatedSnapshot(resolved.id, registry, canonicalizer) === null) return resolved;
      return { ...resolved, known: true };
    });

    if (options.learnFromOverflow) {
      kernel.hooks.onError.tapPromise({ name: NAME, stage: Stage.NORMALIZE }, async (error, context) => {
        const event = learnOverflowLimit(error, registry);
        if (event) context.emit(event);
        return undefined;
      });
    }

    const noteOnce = (model: { id: CanonicalModelId; input: string }, gateway: string, context: SessionContext) => {
      const snapshotOf = registry.get(model.id)?.snapshotOf;
      if (snapshotOf === undefined && (registry.has(model.id) || !options.warnUnknown)) return;
      const noted = (context.state.get(NAME) as Set<string> | undefined) ?? new Set<string>();
      const key = `${gateway}\u0000${model.id}`;
      if (noted.has(key)) return;
      noted.add(key);
      context.state.set(NAME, noted);
      context.emit(
        snapshotOf === undefined
          ? unknownModelWarning(model, gateway)
          : datedSnapshotNote({ id: model.id, snapshotOf }, gateway, registry.limits(model.id, gateway)),
      );
    };
    kernel.hooks.onModelSwitch.tapPromise({ name: NAME, stage: Stage.OBSERVE }, async (change, context) => {
      noteOnce({ id: change.to.model, input: change.to.model }, change.to.gateway, context);
    });
    kernel.hooks.beforeRequest.tapPromise({ name: NAME, stage: Stage.OBSERVE }, async (request, context) => {
      noteOnce(context.model, context.gateway, context);
      return request;
    });
  },
});
