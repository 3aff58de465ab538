/**
 * What `canonicalize` found out about one model string: the canonical id (a weights identity)
 * plus everything the gateway slug said about *how* those weights are served.
 */
export interface ModelIdentity {
  /** The canonical id: the lab's repository name in lower case, or `alias:<name>` for a moving alias with no fixed target. */
  id: string;
  /** Whether the id is in the known-model catalog (snapshot plus user entries). */
  known: boolean;
  /** The string exactly as it was given. */
  input: string;
  /** Provider variant of the same weights: `free`, `nitro`, `floor`, `exacto`, `thinking`, … */
  variant?: string;
  /** Quantization the gateway serves: `fp8`, `int4`, `awq`, `q4_k_m`, … */
  quantization?: string;
  /** Serving tier of the same weights: `turbo`, `fast`, `tee`, `highspeed`, … */
  servingTier?: string;
  /** The organisation or vendor namespace the slug carried (`qwen`, `deepseek-ai`, …), for display. */
  org?: string;
  /** The moving alias that was resolved (`deepseek-chat`, `mistral-large-latest`), when there was one. */
  alias?: string;
}
