/** What the first bytes of a file say it is. */
export type ContentSniff =
  | { kind: "text" }
  | { kind: "image"; mediaType: "image/png" | "image/jpeg" | "image/gif" | "image/webp"; label: string }
  | { kind: "binary"; label: string; legacyText?: boolean };

/** The UTF-8 byte order mark. */
export const UTF8_BOM = Uint8Array.of(0xef, 0xbb, 0xbf);

// Only signatures no text file starts with (control or non-ASCII bytes, or "%PDF-").
const signatures: Array<{ bytes: number[]; label: string }> = [
  { bytes: [0x25, 0x50, 0x44, 0x46, 0x2d], label: "PDF document" },
  { bytes: [0x50, 0x4b, 0x03, 0x04], label: "ZIP archive (or an Office/JAR file)" },
  { bytes: [0x1f, 0x8b], label: "gzip archive" },
  { bytes: [0x7f, 0x45, 0x4c, 0x46], label: "ELF executable" },
  { bytes: [0xcf, 0xfa, 0xed, 0xfe], label: "Mach-O executable" },
  { bytes: [0x00, 0x61, 0x73, 0x6d], label: "WebAssembly module" },
  { bytes: [...Buffer.from("SQLite format 3\0", "latin1")], label: "SQLite database" },
  { bytes: [0x28, 0xb5, 0x2f, 0xfd], label: "zstd archive" },
  { bytes: [0xfd, 0x37, 0x7a, 0x58, 0x5a], label: "xz archive" },
  { bytes: [0xff, 0xfe], label: "UTF-16 text (only UTF-8 is supported)" },
  { bytes: [0xfe, 0xff], label: "UTF-16 text (only UTF-8 is supported)" },
];

/**
 * Tells text from images and other binary data by the first bytes of a file (a few KB suffice):
 * known signatures first, then a NUL byte (binary), then strict UTF-8 decoding (anything else is
 * treated as a legacy encoding and refused, so it is never round-tripped through U+FFFD).
 *
 * @param sample the first bytes of the file
 * @param complete whether the sample is the whole file (otherwise a multi-byte character cut at
 *   the end of the sample is not held against it)
 */
export function sniffContent(sample: Uint8Array, complete: boolean): ContentSniff {
  const image = sniffImage(sample);
  if (image) return image;
  for (const signature of signatures) {
    if (startsWith(sample, signature.bytes)) return { kind: "binary", label: signature.label };
  }
  // `legacyText`: no known format, so it may be text in a single-byte encoding (or hold NUL bytes).
  if (sample.includes(0)) return { kind: "binary", label: "binary data", legacyText: true };
  try {
    new TextDecoder("utf-8", { fatal: true }).decode(sample, { stream: !complete });
  } catch {
    return { kind: "binary", label: "non-UTF-8 text (Latin-1 or another legacy encoding)", legacyText: true };
  }
  return { kind: "text" };
}

function sniffImage(sample: Uint8Array): ContentSniff | undefined {
  if (startsWith(sample, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    return { kind: "image", mediaType: "image/png", label: "PNG image" };
  }
  if (startsWith(sample, [0xff, 0xd8, 0xff])) return { kind: "image", mediaType: "image/jpeg", label: "JPEG image" };
  if (startsWith(sample, [0x47, 0x49, 0x46, 0x38])) return { kind: "image", mediaType: "image/gif", label: "GIF image" };
  if (startsWith(sample, [0x52, 0x49, 0x46, 0x46]) && startsWith(sample, [0x57, 0x45, 0x42, 0x50], 8)) {
    return { kind: "image", mediaType: "image/webp", label: "WebP image" };
  }
  return undefined;
}

/** Whether the bytes begin with a UTF-8 byte order mark. */
export function hasUtf8Bom(bytes: Uint8Array): boolean {
  return startsWith(bytes, [0xef, 0xbb, 0xbf]);
}

/**
 * Decodes bytes as strict UTF-8 (a BOM is kept out of the text), or returns undefined when they
 * are not valid UTF-8 or contain NUL bytes.
 */
export function decodeUtf8Text(bytes: Uint8Array): { text: string; bom: boolean } | undefined {
  const bom = hasUtf8Bom(bytes);
  const body = bom ? bytes.subarray(3) : bytes;
  if (body.includes(0)) return undefined;
  try {
    return { text: new TextDecoder("utf-8", { fatal: true, ignoreBOM: true }).decode(body), bom };
  } catch {
    return undefined;
  }
}

function startsWith(bytes: Uint8Array, prefix: number[], offset = 0): boolean {
  if (bytes.length < offset + prefix.length) return false;
  return prefix.every((byte, index) => bytes[offset + index] === byte);
}

/** Why bytes that failed strict decoding are not text, in a few words: "PDF document", "binary data", … */
export function describeNonText(bytes: Uint8Array): string {
  const sniff = sniffContent(bytes.subarray(0, 8192), bytes.length <= 8192);
  if (sniff.kind !== "text") return sniff.label;
  return bytes.includes(0) ? "binary data" : "invalid UTF-8 further into the file";
}
