import type { ModelRef } from "@bridle/core";
import type { Canonicalizer } from "./create-canonicalizer.js";

/**
 * The `resolveModel` tap's logic: the ref with its canonical id and what the slug said about
 * serving (variant, quantization, tier). `known` means the registry describes the model.
 */
export function resolveModelRef(ref: ModelRef, canonicalizer: Canonicalizer, isDefined: (id: string) => boolean): ModelRef {
  const identity = canonicalizer.canonicalize(ref.input, ref.gateway === undefined ? undefined : { gateway: ref.gateway });
  const resolved: ModelRef = { ...ref, id: identity.id, known: isDefined(identity.id) };
  if (identity.variant !== undefined) resolved.variant = identity.variant;
  if (identity.quantization !== undefined) resolved.quantization = identity.quantization;
  if (identity.servingTier !== undefined) resolved.servingTier = identity.servingTier;
  return resolved;
}
