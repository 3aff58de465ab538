import type { Kernel, ModelInfo } from "@bridle/core";
import type { CatalogFile } from "./catalog-file.js";

/**
 * Adds what gateways' model lists say to the registry, through the `resolveModel` funnel: for a
 * known model, the gateway's slug and (when smaller) its window; an unknown model becomes a
 * registry entry with the listed window, so it is no longer served at the conservative default.
 * The snapshot's and the user's own windows are never replaced.
 */
export function applyCatalog(kernel: Kernel, catalog: CatalogFile): number {
  let applied = 0;
  for (const [gateway, { models }] of Object.entries(catalog.gateways)) {
    for (const entry of models) {
      const model = kernel.resolveModel(entry.slug, gateway);
      const info = kernel.models.get(model.id);
      if (info) {
        const smaller = entry.contextWindow !== undefined && entry.contextWindow < info.contextWindow ? { contextWindow: entry.contextWindow } : {};
        kernel.models.define({ ...info, gateways: { [gateway]: { ...info.gateways?.[gateway], slug: entry.slug, ...smaller } } });
      } else if (entry.contextWindow !== undefined) {
        const created: ModelInfo = {
          id: model.id,
          family: "unknown",
          contextWindow: entry.contextWindow,
          maxOutputTokens: entry.maxOutputTokens ?? Math.min(16_384, Math.floor(entry.contextWindow / 4)),
          toolCalls: true,
          reasoning: "none",
          reasoningReplay: "drop",
          gateways: { [gateway]: { slug: entry.slug } },
        };
        kernel.models.define(created);
      } else {
        continue;
      }
      applied += 1;
    }
  }
  return applied;
}
