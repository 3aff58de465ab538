import type { CanonicalModelId } from "./model-registry.js";

/** A model on a gateway. */
export interface ModelTarget {
  model: CanonicalModelId;
  gateway: string;
}

/** The model or gateway of a session changed. */
export interface ModelSwitch {
  from: ModelTarget;
  to: ModelTarget;
  reason: "user" | "fallback" | "config";
}
