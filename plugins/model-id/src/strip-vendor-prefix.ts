/**
 * Vendor, router and product words some gateways glue in front of a model name without a slash:
 * `databricks-gpt-oss-120b`, `alibaba-qwen3-32b`, `openai-gpt-oss-120b`, `zai-org-glm-5-1`,
 * `z-ai-glm-5-turbo`, `cerebras-llama-4-scout…`, `snowflake-llama3.3-70b`, `moonshot-kimi-k2…`,
 * `umans-glm-5.1`, `meta-llama-3-70b-instruct`, and other hosts' names used the same way.
 * Company names never start a model's own name.
 */
const VENDOR_WORDS = [
  "zai-org",
  "z-ai",
  "zai",
  "alibaba",
  "alicloud",
  "aliyun",
  "databricks",
  "snowflake",
  "cerebras",
  "groq",
  "sambanova",
  "together",
  "fireworks",
  "openai",
  "meta",
  "moonshot",
  "moonshotai",
  "mistralai",
  "umans",
  "azure",
  "bedrock",
  "vertex",
  "parasail",
  "novita",
  "nebius",
  "hyperbolic",
  "featherless",
  "kluster",
  "nscale",
  "friendli",
  "deepinfra",
  "chutes",
  "baseten",
];

/**
 * Generic words used the same way (aihubmix `deep-`, `coding-`; Mistral's legacy `open-`;
 * `labs-devstral…`). Stripped only when a known family name follows, since such words can also
 * start a fine-tune's own name.
 */
const GATED_WORDS = ["deep", "coding", "open", "labs", "free"];

/** Family names a gated word may stand in front of. */
const FAMILY_START =
  /^(?:deepseek|kimi|glm|qwen|minimax|llama|mistral|ministral|mixtral|codestral|devstral|magistral|pixtral|gpt-oss)/;

/**
 * Removes one or two vendor/router words glued in front of a lower-cased, dash-separated model
 * name: `zai-org-glm-5-1` → `glm-5-1`, `deep-deepseek-v4-pro` → `deepseek-v4-pro`.
 */
export function stripVendorPrefix(name: string): string {
  let rest = name;
  for (let round = 0; round < 2; round += 1) {
    const next = stripOne(rest);
    if (next === rest) break;
    rest = next;
  }
  return rest;
}

function stripOne(name: string): string {
  for (const word of VENDOR_WORDS) {
    if (name.startsWith(`${word}-`) && /^[a-z]/.test(name.slice(word.length + 1))) return name.slice(word.length + 1);
  }
  for (const word of GATED_WORDS) {
    if (name.startsWith(`${word}-`) && FAMILY_START.test(name.slice(word.length + 1))) return name.slice(word.length + 1);
  }
  return name;
}
