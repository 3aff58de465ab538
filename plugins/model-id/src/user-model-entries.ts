import { ConfigError, type ModelInfo } from "@bridle/core";
import type { Canonicalizer } from "./create-canonicalizer.js";
import type { UserModelEntry } from "./model-id-options.js";
import { familyFacts } from "./snapshot/family-facts.js";

/**
 * Turns the `models` option into registry entries. Keys go through the funnel like any model
 * string, so `"accounts/fireworks/models/kimi-k2p6"` overrides `kimi-k2.6`. An entry for a model
 * the registry does not know needs a `contextWindow`; the other facts default from its family.
 *
 * @throws ConfigError naming `plugins.model-id.models.<key>.contextWindow` for a new model without a window.
 */
export function userModelEntries(
  models: Readonly<Record<string, UserModelEntry>>,
  canonicalizer: Canonicalizer,
  isDefined: (id: string) => boolean,
): ModelInfo[] {
  const entries: ModelInfo[] = [];
  const issues: Array<{ file: string; keyPath: string; message: string }> = [];
  for (const [key, entry] of Object.entries(models)) {
    const id = canonicalizer.canonicalize(key).id;
    const { contextWindow, gateways, ...facts } = entry;
    if (isDefined(id)) {
      // A partial entry: `ModelRegistry.define` merges it over the snapshot's entry for this id.
      entries.push({ id, ...(contextWindow === undefined ? {} : { contextWindow }), ...facts, ...(gateways ? { gateways } : {}) } as ModelInfo);
      continue;
    }
    if (contextWindow === undefined) {
      issues.push({
        file: "config",
        keyPath: `plugins.model-id.models.${key}.contextWindow`,
        message: `"${key}" (canonical id "${id}") is not in the model snapshot, so its context window must be set`,
      });
      continue;
    }
    entries.push({ ...familyFacts(id), id, contextWindow, ...facts, ...(gateways ? { gateways } : {}) });
  }
  if (issues.length > 0) throw new ConfigError(issues);
  return entries;
}
