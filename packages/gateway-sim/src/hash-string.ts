/**
 * FNV-1a over UTF-16 code units, seeded with a previous hash so that hashes can be chained
 * (the hash of a prefix state depends on every message before it).
 */
export function hashString(text: string, seed = 0x811c9dc5): number {
  let hash = seed >>> 0;
  for (let index = 0; index < text.length; index += 1) {
    hash ^= text.charCodeAt(index);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** Formats a 32-bit hash as 8 lowercase hex digits. */
export function hashHex(hash: number): string {
  return (hash >>> 0).toString(16).padStart(8, "0");
}
