/** An Ollama tag starts with a size (`30b`, `1t`, `0.6b`, `e2b`, `8x7b`) and names weights. */
const SIZE_TAG = /^(?:\d+(?:\.\d+)?[bmkt]|e\d+b|\d+x\d+b)(?:[-_]|$)/i;

/** A model name split from its colon tags. */
export interface ColonTags {
  name: string;
  /** Tags that say how the same weights are served (`free`, `nitro`, `thinking`, `groq`, `cloud`). */
  variants: string[];
  /** Ollama-style tag text that continues the model name (`30b-a3b-q4_K_M`, `235b-instruct`). */
  nameTag?: string;
}

/**
 * Splits `name:tag` forms: OpenRouter variants (`:free`, `:nitro`, `:floor`, `:exacto`), nano-gpt
 * `:thinking`, Hugging Face router provider pins (`:groq`) and Ollama tags (`:30b-a3b-q4_K_M`,
 * `:cloud`). A tag that starts with a size continues the model name; any other tag is a variant.
 */
export function splitColonTag(name: string): ColonTags {
  const parts = name.split(":");
  const base = parts.shift() ?? "";
  const variants: string[] = [];
  let nameTag: string | undefined;
  for (const part of parts) {
    if (part.length === 0) continue;
    if (nameTag === undefined && variants.length === 0 && SIZE_TAG.test(part)) nameTag = part;
    else variants.push(part.toLowerCase());
  }
  return nameTag === undefined ? { name: base, variants } : { name: base, variants, nameTag };
}
