/** A model string split into its routing path and the model's own name. */
export interface ModelPath {
  /** The last path segment: the model's own name, case preserved. */
  name: string;
  /** The organisation segment right before the name, when it is one (`Qwen`, `deepseek-ai`). */
  org?: string;
  /** Every segment before the name (`accounts`, `fireworks`, `models`; `Pro`; `@cf`, `meta`). */
  namespaces: string[];
  /** The string used the `~` namespace that marks a moving "latest" alias (OpenRouter, Kilo). */
  movingAlias: boolean;
  /** A quantization given as its own last segment (`meta-llama/llama-3.1-8b-instruct/fp-8`). */
  quantization?: string;
}

/** A path segment that names a precision rather than a model. */
const QUANTIZATION_SEGMENT = /^(?:fp|bf|int|w)-?\d+(?:a\d+)?$|^(?:awq|gptq|gguf|mlx)$/i;

/**
 * Path segments that are routing structure or product namespaces rather than a model's org:
 * Fireworks account paths, Clarifai model paths, Cloudflare `@cf/`, SiliconFlow `Pro/`,
 * nano-gpt `TEE/`, routing.run `route/`, drun `public/`, Poe re-host prefixes.
 */
const STRUCTURAL_SEGMENTS = new Set([
  "accounts",
  "models",
  "routers",
  "chat-completion",
  "completion",
  "workers-ai",
  "tee",
  "pro",
  "route",
  "public",
  "hf",
]);

/**
 * Splits a model string on `/`: `accounts/fireworks/models/kimi-k2p6` → name `kimi-k2p6`;
 * `Pro/deepseek-ai/DeepSeek-R1` → name `DeepSeek-R1`, org `deepseek-ai`. Also removes the
 * `hf:` (Synthetic) and `~` (moving alias) prefixes. Only the last segment names weights, so every
 * routing prefix, however deep, falls away here.
 */
export function splitModelPath(input: string): ModelPath {
  let rest = input.trim();
  let movingAlias = false;
  if (rest.startsWith("~")) {
    movingAlias = true;
    rest = rest.slice(1);
  }
  if (/^hf:/i.test(rest)) rest = rest.slice(3);
  const segments = rest.split("/");
  // A trailing slash leaves an empty name: the string names a namespace, not a model.
  let name = segments.pop() ?? "";
  segments.splice(0, segments.length, ...segments.filter((segment) => segment.length > 0));
  let quantization: string | undefined;
  if (segments.length > 0 && QUANTIZATION_SEGMENT.test(name)) {
    quantization = name.toLowerCase().replace("-", "");
    name = segments.pop() ?? "";
  }
  const previous = segments.at(-1);
  const org =
    previous !== undefined && !previous.startsWith("@") && !STRUCTURAL_SEGMENTS.has(previous.toLowerCase())
      ? previous
      : undefined;
  const path: ModelPath = { name, namespaces: segments, movingAlias };
  if (org !== undefined) path.org = org;
  if (quantization !== undefined) path.quantization = quantization;
  return path;
}
