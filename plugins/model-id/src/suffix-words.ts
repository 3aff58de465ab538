/**
 * Serving-tier words: the same weights served faster, cheaper, confidentially or on a named
 * partner. From the catalog's slugs (`-turbo`, `-fast`, `-lightning`, `-highspeed`, `-TEE`,
 * `-maas`, `-original`, `-free`, `-cs`, `-tput`, `-flex`, `-short`, `-cheaper`, `-instant`,
 * `-versatile`, `-el`, `-fw`), OpenRouter routing variants, Ollama `cloud`, `-HF` repo markers and
 * partner names used as suffixes (`deepseek-r1-sambanova`), Fireworks' `-basic` deployments, Groq's
 * speculative-decoding `-specdec` and `-ultraspeed` tiers.
 */
const SERVING_TIER_WORDS = new Set([
  "turbo",
  "fast",
  "lightning",
  "highspeed",
  "tee",
  "maas",
  "original",
  "free",
  "cs",
  "tput",
  "flex",
  "short",
  "cheaper",
  "instant",
  "versatile",
  "el",
  "fw",
  "hf",
  "cloud",
  "stable",
  "nitro",
  "floor",
  "exacto",
  "online",
  "sambanova",
  "groq",
  "cerebras",
  "together",
  "fireworks",
  "novita",
  "nebius",
  "hyperbolic",
  "chutes",
  "baseten",
  "deepinfra",
  "basic",
  "specdec",
  "ultraspeed",
]);

/** Tokens that start a quantization phrase: `fp8`, `nvfp4`, `int4`, `awq`, `gguf`, `mlx`, `4bit`, `q4`, `iq3`. */
const QUANTIZATION_START =
  /^(?:fp8|fp6|fp4|nvfp4|mxfp4|fp16|int4|int8|w4a16|w8a8|w4a8|awq|gptq|gguf|ggml|mlx|exl2|bnb|\d+bit|i?q\d(?:\.\d)?|q\d+k)$/;

/**
 * Suffixes that are dropped only when the shorter name is a known model, because the same word
 * also ends distinct models: `-thinking` (hybrid mode vs. Kimi K2-Thinking), `-lite` (Together's
 * INT4 vs. a `-Derestricted-Lite` fine-tune), `-preview`, `-instruct`, reasoning-effort words
 * (`gpt-oss-120b-high`), context tiers of 100k and more (`-202k`; MiniMax-M1-40k/-80k are
 * checkpoints with their own thinking budgets) and dated aliases of one release (`-251201`).
 */
const SOFT_SUFFIX = /^(?:thinking|lite|preview|instruct|low|high|xhigh|minimal|[1-9]\d{2,}k|\d{6}|\d{8})$/;

/** True for a serving-tier word. */
export function isServingTierWord(token: string): boolean {
  return SERVING_TIER_WORDS.has(token);
}

/** True for a token that starts a quantization phrase. */
export function isQuantizationStart(token: string): boolean {
  return QUANTIZATION_START.test(token);
}

/** True for a suffix dropped only when the shorter name is known. */
export function isSoftSuffix(token: string): boolean {
  return SOFT_SUFFIX.test(token);
}
