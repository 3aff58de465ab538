/** Rule name recorded when a key was renamed to the declared spelling of the same word. */
export const RENAME_KEY_VARIANT = "rename-key-variant";

/** Lower case without separators and an optional-marker `?`: `file_path`, `filePath`, `path?` → `filepath`, `path`. */
export function normalizeKey(key: string): string {
  return key.toLowerCase().replace(/[_\-\s]/g, "").replace(/\?+$/, "");
}

function uniqueMatch(candidates: readonly string[], accept: (normalized: string) => boolean): string | null {
  let found: string | null = null;
  for (const candidate of candidates) {
    if (!accept(normalizeKey(candidate))) continue;
    if (found !== null) return null;
    found = candidate;
  }
  return found;
}

/**
 * The one candidate property that spells the same word as `key`: case and separators
 * (`file_path` → `filePath`), an optional marker (`path?` → `path`), or singular/plural
 * (`content` → `contents`). `candidates` are the declared properties not yet present.
 * Returns `null` when none or several match.
 */
export function findKeyVariant(key: string, candidates: readonly string[]): string | null {
  const wanted = normalizeKey(key);
  if (wanted === "") return null;
  const same = uniqueMatch(candidates, (name) => name === wanted);
  if (same !== null) return same;
  const forms = new Set([`${wanted}s`, `${wanted}es`, wanted.replace(/es$/, ""), wanted.replace(/s$/, "")]);
  forms.delete(wanted);
  return uniqueMatch(candidates, (name) => forms.has(name));
}
