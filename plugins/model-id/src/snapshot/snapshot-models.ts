import type { GatewayModelOverride, ModelInfo } from "@bridle/core";
import { CORPUS_WINDOWS, type CorpusWindow } from "./corpus-windows.js";
import { familyFacts } from "./family-facts.js";
import { LATER_RELEASES } from "./later-releases.js";

function toModelInfo([id, contextWindow, gateways]: CorpusWindow): ModelInfo {
  const info: ModelInfo = { id, contextWindow, ...familyFacts(id) };
  if (gateways !== undefined) {
    const overrides: Record<string, GatewayModelOverride> = {};
    // A gateway that serves the model is listed even at the full window (so `bridle models` can
    // say who serves it); only a smaller window becomes an override.
    for (const [gateway, window] of Object.entries(gateways)) overrides[gateway] = window < contextWindow ? { contextWindow: window } : {};
    info.gateways = overrides;
  }
  return info;
}

/**
 * The registry snapshot shipped with Bridle: every lab model of the identity corpus (windows from
 * the catalog, smaller per-gateway windows as overrides) plus later open releases. User entries
 * in config are defined after these and win.
 */
export const SNAPSHOT_MODELS: readonly ModelInfo[] = Object.freeze(
  [...CORPUS_WINDOWS, ...LATER_RELEASES].map(toModelInfo),
);

/** The canonical ids of {@link SNAPSHOT_MODELS}. */
export const SNAPSHOT_IDS: readonly string[] = Object.freeze(SNAPSHOT_MODELS.map((model) => model.id));
