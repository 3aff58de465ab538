import type { CanonicalModelId } from "./model-registry.js";

/** A model string on its way through the `resolveModel` funnel. */
export interface ModelRef {
  /** The string exactly as the user, config or gateway wrote it. */
  readonly input: string;
  /** The gateway the string came from or is meant for, a hint only. */
  readonly gateway?: string;
  /** The canonical id; equal to `input` until a tap canonicalizes it. */
  id: string;
  /** Whether the registry describes this model. */
  known: boolean;
  /** Provider variant that serves the same weights (`free`, `nitro`, `thinking`, …). */
  variant?: string;
  quantization?: string;
  servingTier?: string;
}

/** A model reference that came out of the funnel. */
export interface ResolvedModel extends ModelRef {
  id: CanonicalModelId;
}
